package io.kubelab.checks.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real local processes: exit codes, separate streams, streaming, timeouts and cancel ending the whole tree. */
class LocalHostTest {
    @TempDir
    Path dir;

    private LocalHost host() {
        return new LocalHost(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()), dir);
    }

    @Test
    void keepsExitCodeAndStreamsApart() {
        ExecResult r = host().exec("echo out; echo err >&2; exit 7", Duration.ofSeconds(5));
        assertEquals(7, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertEquals(ExecResult.Outcome.EXITED, r.outcome());
        assertFalse(r.ok());
    }

    @Test
    void runsWithTheGivenEnvironmentOnly() {
        ExecResult r = new LocalHost(Map.of("PATH", "/usr/bin:/bin", "GREETING", "hello"), dir)
                .exec("echo \"$GREETING ${USER:-nobody}\"", Duration.ofSeconds(5));
        assertEquals("hello nobody\n", r.stdout());
    }

    @Test
    void streamsOutputWhileTheCommandRuns() throws Exception {
        CountDownLatch firstLine = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        Path release = dir.resolve("release");
        Thread runner = new Thread(() -> host().exec(new ExecRequest(
                "echo first; while [ ! -e " + release + " ]; do sleep 0.05; done; echo second",
                Duration.ofSeconds(20), (s, line) -> {
                    seen.add(line);
                    firstLine.countDown();
                }, new Cancellation(), false)));
        runner.start();
        assertTrue(firstLine.await(10, TimeUnit.SECONDS), "the first line arrived before the command ended");
        assertEquals(List.of("first"), seen);
        Files.createFile(release);
        runner.join(10_000);
        assertEquals(List.of("first", "second"), seen);
    }

    @Test
    void keepsLargeOutput() {
        ExecResult r = host().exec("seq 1 200000", Duration.ofSeconds(20));
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().endsWith("199999\n200000\n"));
    }

    @Test
    void timeoutEndsTheWholeProcessTree() throws Exception {
        Path pids = dir.resolve("pids");
        ExecResult r = host().exec("sleep 300 & echo $! > " + pids + "; sleep 300", Duration.ofMillis(500));
        assertEquals(ExecResult.Outcome.TIMED_OUT, r.outcome());
        assertChildGone(pids);
    }

    @Test
    void cancelEndsTheWholeProcessTree() throws Exception {
        Path pids = dir.resolve("pids");
        ExecResult r = runAndCancelOnceStarted("bash -c 'sleep 300 & echo $! > " + pids + "; wait'", pids);
        assertEquals(ExecResult.Outcome.CANCELLED, r.outcome());
        assertChildGone(pids);
    }

    @Test
    void cancelAlsoEndsChildrenWhoseParentDiedFirst() throws Exception {
        Path pids = dir.resolve("pids");
        // The middle shell exits at once: the sleeper is re-parented and no longer a descendant.
        ExecResult r = runAndCancelOnceStarted("bash -c '(sleep 300 & echo $! > " + pids + ")'; sleep 300", pids);
        assertEquals(ExecResult.Outcome.CANCELLED, r.outcome());
        assertChildGone(pids);
    }

    /** Runs {@code command}, cancelling it (as Ctrl-C does) once it has written the child's pid. */
    private ExecResult runAndCancelOnceStarted(String command, Path pids) throws Exception {
        Cancellation cancel = new Cancellation();
        Thread canceller = new Thread(() -> {
            try {
                while (!Files.exists(pids) || Files.size(pids) == 0) {
                    Thread.sleep(20);
                }
                Thread.sleep(200);
            } catch (Exception e) {
                return;
            }
            cancel.cancel();
        });
        canceller.start();
        ExecResult r = host().exec(new ExecRequest(command, Duration.ofMinutes(1), OutputListener.NONE, cancel, false));
        canceller.join();
        return r;
    }

    @Test
    void aDaemonHoldingTheOutputOpenDoesNotHangTheCommand() {
        long started = System.nanoTime();
        ExecResult r = host().exec("(sleep 30 &) ; echo started", Duration.ofSeconds(20));
        assertEquals(0, r.exitCode());
        assertEquals("started\n", r.stdout());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos());
    }

    private static void assertChildGone(Path pids) throws Exception {
        long pid = Long.parseLong(Files.readString(pids).strip());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "child " + pid + " still runs");
    }
}
