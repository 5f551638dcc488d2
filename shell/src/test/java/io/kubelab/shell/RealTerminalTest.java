package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lab in a real terminal: tmux runs it in a pseudo-terminal of a given size, keys are typed with
 * send-keys, and the screen is read back with capture-pane — what a learner would see.
 */
class RealTerminalTest {
    @TempDir
    Path home;
    String socket;
    MockCluster cluster;
    FakeTools tools;

    @BeforeEach
    void tmux() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by .ci/run");
        socket = "kubelab-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        cluster = MockCluster.start();
    }

    @AfterEach
    void down() throws Exception {
        run("tmux", "-L", socket, "kill-server");
        cluster.close();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    /** lab in a fresh tmux window of the given size; after it ends the window stays, showing its last screen. */
    private void start(int columns, int rows, String lang) throws Exception {
        run("tmux", "-L", socket, "new-session", "-d", "-s", "t", "-x", String.valueOf(columns), "-y",
                String.valueOf(rows), script(lang).toString());
        run("tmux", "-L", socket, "set-option", "-t", "t", "window-size", "manual");
        waitFor("lab>"); // keys typed before the line editor starts are dropped, as in any terminal program
    }

    /** lab started from an interactive bash, as a learner starts it: a shell with job control (Ctrl-Z, fg). */
    private void startFromAShell(int columns, int rows) throws Exception {
        Path script = script("C.UTF-8");
        run("tmux", "-L", socket, "new-session", "-d", "-s", "t", "-x", String.valueOf(columns), "-y",
                String.valueOf(rows), "env -i PS1='$ ' TERM=xterm-256color bash --norc --noprofile -i");
        run("tmux", "-L", socket, "set-option", "-t", "t", "window-size", "manual");
        waitFor("$");
        type(script.toString());
        waitFor("lab>");
    }

    private Path script(String lang) throws Exception {
        tools = MinikubeFixture.install(home, cluster);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A clean environment: only what a learner's terminal would give lab (tmux passes on its own otherwise).
        Path script = Files.writeString(home.resolve("lab.sh"), "#!/bin/sh\n"
                + "env -i HOME='" + home + "' PATH='" + tools.path() + "' TERM=xterm-256color LANG=" + lang
                + " '" + java + "' -cp '" + System.getProperty("java.class.path") + "' io.kubelab.shell.Main\n"
                + "echo LAB-ENDED; sleep 60\n");
        script.toFile().setExecutable(true);
        return script;
    }

    private void type(String keys) throws Exception {
        run("tmux", "-L", socket, "send-keys", "-t", "t", "-l", keys);
        run("tmux", "-L", socket, "send-keys", "-t", "t", "Enter");
    }

    private String screen() throws Exception {
        return run("tmux", "-L", socket, "capture-pane", "-p", "-t", "t", "-S", "-200");
    }

    private String waitFor(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String s = "";
        while (System.nanoTime() < deadline) {
            s = screen();
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no «" + text + "» on the screen:\n" + s);
    }

    /** Waits until {@code text} is no longer on the visible screen. */
    private void waitForGone(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String s = "";
        while (System.nanoTime() < deadline) {
            s = run("tmux", "-L", socket, "capture-pane", "-p", "-t", "t");
            if (!s.contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("«" + text + "» stays on the screen:\n" + s);
    }

    @Test
    void aPassingRunMovesOnAndTheStatusLineIsGoneAfterExit() throws Exception {
        start(100, 30, "C.UTF-8");
        type("start minikube");
        waitFor("[1/6]>");
        type("run");
        String s = waitFor("[2/6]>");
        assertTrue(s.contains("All its checks pass: on to the next step"), s);
        type("exit");
        String end = waitFor("LAB-ENDED");
        assertFalse(end.contains("minikube · step 2 of 6"), "the status line is cleared:\n" + end);
    }

    /**
     * Ctrl-Z at the prompt (the line editor reads the key) gives the learner's shell the whole screen, without lab's
     * status line at its bottom; fg brings both back.
     */
    @Test
    void ctrlZLeavesNoStatusLineAndFgBringsItBack() throws Exception {
        startFromAShell(100, 20);
        type("start minikube");
        String status = "minikube · step 1 of 6";
        waitFor("lab:minikube [1/6]>"); // at the prompt: before it, the key would reach lab as the terminal's signal
        run("tmux", "-L", socket, "send-keys", "-t", "t", "C-z");
        waitFor("Stopped");
        type("echo in-the-shell");
        String shell = waitFor("in-the-shell\n$");
        String visible = run("tmux", "-L", socket, "capture-pane", "-p", "-t", "t");
        assertFalse(visible.contains(status), "no status line while lab is stopped:\n" + visible);
        assertTrue(shell.contains("in-the-shell"), shell);
        type("fg");
        String back = waitFor(status);
        type("status");
        back = waitFor("lab:minikube [1/6]> status");
        assertTrue(back.contains(status), "the status line is back:\n" + back);
        type("exit");
        String end = waitFor("LAB-ENDED");
        assertFalse(end.contains(status), "cleared on exit:\n" + end);
    }

    /**
     * Ctrl-Z while a step's command runs comes from the terminal driver, not the line editor: lab stops once, its
     * status line cleared, and after fg the step finishes. (lab catches that signal on a thread of its own; stopping
     * the job again when that thread ran late showed as a second "Stopped" after fg.)
     */
    @Test
    void ctrlZWhileACommandRunsStopsLabOnce() throws Exception {
        startFromAShell(100, 20);
        Path started = home.resolve("minikube-started");
        Files.move(tools.bin().resolve("minikube"), tools.bin().resolve("minikube-fixture"));
        tools.script("minikube", "if [ \"$1\" = version ]; then touch '" + started + "'; sleep 3; fi\n"
                + "exec '" + tools.bin().resolve("minikube-fixture") + "' \"$@\"");
        type("start minikube");
        waitFor("[1/6]>");
        type("run");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(started) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(started), "the step's command started");
        run("tmux", "-L", socket, "send-keys", "-t", "t", "C-z");
        waitFor("Stopped");
        waitForGone("minikube · step 1 of 6"); // lab clears it as it stops, after the shell has seen the job stop
        type("echo in-the-shell");
        waitFor("in-the-shell\n$");
        type("fg");
        String back = waitFor("[2/6]>");
        assertTrue(back.contains("All its checks pass: on to the next step"), back);
        assertTrue(back.indexOf("Stopped") == back.lastIndexOf("Stopped"), "stopped once:\n" + back);
        type("exit");
        waitFor("LAB-ENDED");
    }

    @Test
    void ctrlCAtAQuestionCancelsAndRunsNothing() throws Exception {
        start(100, 30, "C.UTF-8");
        type("start minikube");
        waitFor("[1/6]>");
        type("run teardown");
        waitFor("[y/N]");
        run("tmux", "-L", socket, "send-keys", "-t", "t", "C-c");
        String s = waitFor("lab: cancelled");
        assertFalse(s.contains("Deleting"), "minikube delete did not run:\n" + s);
    }

    /**
     * A terminal made narrower while lab runs: what comes next is laid out for the new width, and a
     * check's result that does not fit goes on under its words (a hanging indent), not at the margin.
     */
    @Test
    void afterAResizeTextIsWrappedToTheNewWidthWithHangingIndents() throws Exception {
        start(120, 40, "C.UTF-8");
        type("start minikube");
        String wide = waitFor("[1/6]>");
        assertTrue(wide.lines().anyMatch(l -> l.length() > 70), "laid out for 120 columns first:\n" + wide);
        run("tmux", "-L", socket, "resize-window", "-t", "t", "-x", "60", "-y", "40");
        type("check");
        waitFor("All checks pass");
        // -J joins the lines the terminal itself wrapped: a line longer than 60 here is one lab did not wrap.
        String narrow = run("tmux", "-L", socket, "capture-pane", "-p", "-J", "-t", "t", "-S", "-200");
        String report = narrow.substring(narrow.lastIndexOf("lab:minikube [1/6]> check"));
        report = report.substring(0, report.indexOf("All checks pass"));
        String shown = report;
        assertTrue(report.lines().allMatch(l -> l.length() <= 60), "every line within 60 columns:\n" + shown);
        // A result that does not fit goes on under its words, not at the margin.
        java.util.List<String> lines = report.lines().toList();
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("✓ pass  minikube is installed")).findFirst()
                .orElseThrow(() -> new AssertionError("no result for minikube:\n" + shown)));
        assertTrue(lines.get(first + 1).startsWith("        ") && !lines.get(first + 1).startsWith("         "),
                "the result goes on under its words (8 columns in):\n" + shown);
    }
}
