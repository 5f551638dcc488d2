package io.kubelab.checks.host;

import java.time.Duration;

/**
 * How a command ended. stdout and stderr are kept apart.
 *
 * @param exitCode the command's exit status; -1 when it was timed out or cancelled before it ended
 */
public record ExecResult(int exitCode, String stdout, String stderr, Duration elapsed, Outcome outcome) {

    public enum Outcome { EXITED, TIMED_OUT, CANCELLED }

    public boolean ok() {
        return outcome == Outcome.EXITED && exitCode == 0;
    }

    /** Everything printed, stdout then stderr, for pattern matching and messages. */
    public String output() {
        if (stderr.isEmpty()) {
            return stdout;
        }
        if (stdout.isEmpty()) {
            return stderr;
        }
        return stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
    }

    /** The last lines of output, for transcripts and error messages. */
    public String tail(int lines) {
        String[] all = output().strip().split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
