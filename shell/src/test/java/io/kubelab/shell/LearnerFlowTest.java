package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The flow a learner follows in the shell: on to the next step when one passes, told when they skip one. */
class LearnerFlowTest {
    @TempDir
    Path home;

    @Test
    void aPassingRunLeadsStraightOnToTheNextStep() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            FakeTools tools = MinikubeFixture.install(home, cluster);
            ShellRun.Result r = new ShellRun(home).env("PATH", tools.path()).stdin("start minikube\nrun\nstatus\nexit\n").run();
            assertEquals(1, r.exit(), "`status`, the last line, says steps are pending: " + r);
            assertTrue(r.out().contains("✓ step install done"), r.out());
            assertTrue(r.out().contains("All its checks pass: on to the next step (`run --stay` stays)."), r.out());
            int done = r.out().indexOf("✓ step install done");
            assertTrue(r.out().indexOf("Step 2 of 6 · A driver and enough resources", done) > done, r.out());

            ShellRun.Result stay = new ShellRun(home).env("PATH", tools.path()).stdin("start minikube\ngoto install\nrun --stay\nexit\n").run();
            assertTrue(stay.out().contains("✓ step install done"), stay.out());
            assertFalse(stay.out().contains("on to the next step"), stay.out());
            assertTrue(stay.out().contains("`next` goes to the next step."), stay.out());
        }
    }

    @Test
    void movingPastAnUnfinishedStepSaysWhichOne() {
        ShellRun.Result r = new ShellRun(home).stdin("start kubeadm\ngoto verify\nexit\n").run();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("6 earlier steps are not done yet, the first is preflight; `goto preflight` goes back to it."),
                r.err());
        ShellRun.Result os = new ShellRun(home).run("goto", "kubeadm", "join");
        assertTrue(os.err().contains("`lab goto preflight kubeadm` goes back to it."), "as typed in the OS shell: " + os.err());
    }

    /** "The context is gone" passes when there never was one: a teardown whose delete failed is not done. */
    @Test
    void aTeardownIsDoneOnlyWhenItsActionsSucceeded() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            FakeTools tools = MinikubeFixture.install(home, cluster);
            tools.script("minikube", "echo '❌  Exiting due to GUEST_DELETE: docker is not running' >&2; exit 80");
            ShellRun lab = new ShellRun(home).env("PATH", tools.path());
            ShellRun.Result r = lab.run("run", "minikube", "teardown", "--yes");
            assertEquals(1, r.exit(), r.toString());
            lab.run("check", "minikube", "teardown");
            String status = lab.run("status", "minikube", "-o", "json").out();
            JsonMapper.builder().build().readTree(status).get("steps").forEach(s -> {
                if (s.get("id").asString().equals("teardown")) {
                    assertEquals("failed", s.get("state").asString(), status);
                }
            });
            assertTrue(Files.exists(home), "the home is still there");
        }
    }

    @Test
    void aRightAnswerInTheShellLeadsOnToTheNextStep() {
        ShellRun.Result r = new ShellRun(home).stdin("start minikube\ngoto question\nanswer b\nexit\n").run();
        int right = r.out().indexOf("✓ Right.");
        assertTrue(right > 0, r.out());
        assertTrue(r.out().indexOf("Step 6 of 6 · Clean up (optional)", right) > right, r.out());
    }
}
