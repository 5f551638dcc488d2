package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL with its stdin and stdout on pipes: plain text, no prompts, no terminal warnings. */
class ReplOverPipesTest {
    @TempDir
    Path home;

    @Test
    void startRunCheckHintNextExit() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            FakeTools tools = MinikubeFixture.install(home, cluster);
            ShellRun.Result r = new ShellRun(home).env("PATH", tools.path()).stdin("""
                    start minikube
                    run
                    check
                    hint
                    hint
                    hint
                    next
                    status
                    exit
                    """).run();
            assertEquals(1, r.exit(), "the last line that did not succeed is `status`: steps are pending. " + r);
            String out = r.out();
            assertTrue(out.contains("Step 1 of 6 · Install minikube and kubectl"), out);
            assertTrue(out.contains("→ local minikube version"), out);
            assertTrue(out.contains("✓ step install done"), out);
            assertTrue(out.contains("✓ pass  minikube is installed (1.36 or newer) (minikube-installed) — minikube 1.38.1"),
                    out);
            assertTrue(out.contains("Hint 1 of 2:"), out);
            assertTrue(out.contains("Hint 2 of 2:"), out);
            assertTrue(out.contains("That was the last hint"), out);
            assertTrue(out.contains("Step 2 of 6 · A driver and enough resources"), out);
            assertFalse(out.contains("lab> ") || out.contains("]> "), "no prompt on a pipe");
            assertFalse(out.contains("\u001b["), "no colour codes on a pipe");
            assertEquals("", r.err(), "nothing on stderr: no JLine warning, no errors");
        }
    }

    @Test
    void anErrorInOneLineDoesNotEndTheShell() {
        ShellRun.Result r = new ShellRun(home).stdin("frobnicate\nstart nosuchlab\nlist\n").run();
        assertEquals(2, r.exit(), "a script's status is its last failing line's: " + r);
        assertTrue(r.err().contains("unknown command 'frobnicate'"), r.err());
        assertTrue(r.err().contains("no lab 'nosuchlab'"), r.err());
        assertTrue(r.out().contains("minikube"), r.out());
    }

    @Test
    void anInventoryGivenOnALineReopensTheLabOnThoseNodes() throws Exception {
        java.nio.file.Path inv = java.nio.file.Files.writeString(home.resolve("hosts.ini"),
                "[kube_node]\nnode1 ansible_host=127.0.0.1 ansible_port=1\n");
        ShellRun.Result r = new ShellRun(home).stdin("start minikube\nrun --dry-run --inventory " + inv + "\nexit\n")
                .run();
        assertEquals(0, r.exit(), r.toString());
        assertEquals(inv.toString(), tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(home.resolve("state/kubelab/progress/minikube.json").toFile()).get("settings")
                .get("inventory").asString(), "the inventory is remembered for the lab");
    }

    @Test
    void endOfInputLeavesCleanly() {
        ShellRun.Result r = new ShellRun(home).stdin("").run("start", "minikube");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Step 1 of 6"), r.out());
    }
}
