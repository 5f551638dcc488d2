package io.kubelab.shell.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lab stopping as a job of the learner's shell (Ctrl-Z, then {@code fg}).
 *
 * <p>Two Ctrl-Zs reach lab. At the prompt the line editor reads the key itself and lab stops its whole process
 * group, as the terminal would have. At any other time the terminal driver sends the signal to the whole group, and
 * only lab, which catches it to clear its status line first, is left to stop. That signal is handled on a thread of
 * its own, which may run late: after the learner's shell has seen the job stop, or even after {@code fg}. Stopping then
 * would stop the job a second time, so lab stops only while the rest of its job is stopped.
 */
final class JobControl {
    private static final Signal STOP = new Signal("TSTP");
    private static final Duration POLL = Duration.ofMillis(10);

    private JobControl() {
    }

    /** Runs {@code handler} when the terminal driver stops the job; replaces whatever handled the signal before. */
    static void onStopSignal(Runnable handler) {
        Signal.handle(STOP, signal -> handler.run());
    }

    /**
     * Stops lab (and, with {@code wholeGroup}, every process of its group) until it is continued. Java cannot raise a
     * signal by itself, so kill(1) sends it while the signal's default action is in place.
     */
    static void stop(boolean wholeGroup) {
        SignalHandler mine = Signal.handle(STOP, SignalHandler.SIG_DFL);
        try {
            // kill is in the group as well: with the whole group it stops too, and ends once continued.
            String target = wholeGroup ? "0" : Long.toString(ProcessHandle.current().pid());
            new ProcessBuilder("kill", "-TSTP", target).start().waitFor();
        } catch (IOException e) {
            // No kill(1): lab goes on rather than stopping.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Signal.handle(STOP, mine);
        }
    }

    /**
     * Whether the rest of lab's job is stopped, waiting up to {@code patience} for it to stop: true when lab is its
     * job alone (its parent is in another process group) or Linux's /proc cannot say; false when the launcher that
     * started lab, in lab's group, keeps running — the job was continued before this signal's turn came.
     */
    static boolean restOfJobStopped(Duration patience) {
        Optional<String[]> self = stat("self");
        if (self.isEmpty()) {
            return true;
        }
        String ppid = self.get()[1];
        String group = self.get()[2];
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<String[]> parent = stat(ppid);
            if (parent.isEmpty() || !parent.get()[2].equals(group)) {
                return true;
            }
            if (parent.get()[0].equals("T")) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    /** The fields of /proc/PID/stat after the command name (which may hold spaces): state, ppid, pgrp, … */
    private static Optional<String[]> stat(String pid) {
        try {
            String line = Files.readString(Path.of("/proc", pid, "stat"));
            return Optional.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
