package io.kubelab.labs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.Status;
import io.kubelab.checks.host.Cancellation;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.nodes.LocalNode;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.state.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during checks ends the commands they run, skips what they had not looked at, and records nothing. */
class CheckCancellationTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCEndsChecksAtOnceAndRecordsNothing() throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("slow"));
        StringBuilder checks = new StringBuilder();
        for (int i = 1; i <= 20; i++) { // more than run at once: some never start
            checks.append("      - {id: c").append(i).append(", kind: command, with: {command: 'touch ")
                    .append(dir.resolve("started-" + i)).append("; sleep 60'}}\n");
        }
        Files.writeString(labDir.resolve("lab.yaml"), """
                format: 1
                id: slow
                title: {en: Slow, zh-CN: 慢}
                steps:
                  - id: look
                    title: {en: Look, zh-CN: 查看}
                    checks:
                """ + checks);
        Lab lab = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir)).lab().orElseThrow();
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString());
        SessionConfig config = new SessionConfig(dir.resolve("state"), env, "en", Map.of(), Prompter.NONE,
                RunListener.SILENT, CheckRegistry.standard(env), Duration.ofSeconds(120));
        try (LabSession s = new LabSession(lab, config, Nodes.localOnly(new LocalNode(new LocalHost(env, dir))))) {
            Cancellation cancel = new Cancellation();
            Thread ctrlC = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                cancel.cancel();
            });
            ctrlC.start();
            long started = System.nanoTime();
            CheckReport report = s.check(List.of(), cancel);
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(ms < 10_000, "ended soon after Ctrl-C, not after 60 s: " + ms + " ms");
            assertEquals(20, report.results().size());
            report.results().forEach(r -> {
                assertEquals(Status.SKIP, r.result().status(), r.toString());
                assertEquals("cancelled (Ctrl-C)", r.result().observed());
                assertTrue(r.check().matches("c\\d+"), "each still named: " + r.check());
            });
            long ran = java.util.stream.IntStream.rangeClosed(1, 20).filter(i -> Files.exists(dir.resolve("started-" + i)))
                    .count();
            assertTrue(ran > 0 && ran < 20, "some had started, the rest never did: " + ran);
            assertEquals(StepState.PENDING, s.progress().step("look").state(), "nothing recorded");
        }
        Thread.sleep(300);
        assertFalse(stillOurs(), "the checks' commands were ended");
    }

    /** Whether a `sleep 60` of this test is still running (other tests' sleeps are not ours). */
    private boolean stillOurs() throws Exception {
        Process p = new ProcessBuilder("pgrep", "-af", "started-").start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.contains(dir.toString());
    }
}
