package io.kubelab.checks.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and everything it started: its process group (which catches children that
 * were re-parented when their parent died) and every descendant found before anything was
 * signalled (which catches those that left the group). SIGTERM first, SIGKILL after the grace.
 */
final class ProcessTree {
    private ProcessTree() {
    }

    static void end(Process process, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        signalGroup(process.pid(), "TERM");
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // Still running after the grace period: killed below.
            }
        }
        signalGroup(process.pid(), "KILL");
        process.descendants().forEach(all::add);
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** kill -SIG -- -PGID; the command was started by setsid, so its pid is its group id. */
    private static void signalGroup(long pgid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // No kill(1), or the group is already gone: the per-process signals still apply.
        }
    }
}
