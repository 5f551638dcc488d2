package io.kubelab.labs.actions;

import io.kubelab.checks.host.ExecResult;
import java.time.Duration;

/**
 * How an action ended on one node.
 *
 * @param exitCode   the command's exit status; null when there was none (a copy, a timeout, no connection)
 * @param problem    what went wrong, in words ("exit status 1", "timed out after 30s"), or empty
 * @param outputTail the last lines of output, for the transcript
 */
public record NodeOutcome(String node, Result result, Integer exitCode, Duration elapsed, String problem,
                          String outputTail) {

    /** The ways an action can end on a node. UNREACHABLE means lab could not look, not that anything failed. */
    public enum Result {
        DONE, SKIPPED, FAILED, TIMED_OUT, CANCELLED, UNREACHABLE;

        /** The word in transcripts and JSON. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean ok() {
        return result == Result.DONE || result == Result.SKIPPED;
    }

    public static NodeOutcome skipped(String node, String reason) {
        return new NodeOutcome(node, Result.SKIPPED, null, Duration.ZERO, "", "skipped: " + reason);
    }

    public static NodeOutcome unreachable(String node, String reason) {
        return new NodeOutcome(node, Result.UNREACHABLE, null, Duration.ZERO, "unreachable: " + reason, "");
    }

    /** A command's end: done, failed with its exit status, timed out (after {@code timeout}) or cancelled. */
    public static NodeOutcome of(String node, ExecResult r, Duration timeout) {
        String tail = r.tail(20);
        return switch (r.outcome()) {
            case TIMED_OUT -> new NodeOutcome(node, Result.TIMED_OUT, null, r.elapsed(), "timed out after "
                    + seconds(timeout) + " (the whole process tree was ended)", tail);
            case CANCELLED -> new NodeOutcome(node, Result.CANCELLED, null, r.elapsed(), "cancelled", tail);
            case EXITED -> r.exitCode() == 0
                    ? new NodeOutcome(node, Result.DONE, 0, r.elapsed(), "", tail)
                    : new NodeOutcome(node, Result.FAILED, r.exitCode(), r.elapsed(), "exit status " + r.exitCode(), tail);
        };
    }

    /** The same outcome with its texts passed through {@code redact} (secrets masked). */
    public NodeOutcome redacted(java.util.function.UnaryOperator<String> redact) {
        return new NodeOutcome(node, result, exitCode, elapsed, redact.apply(problem), redact.apply(outputTail));
    }

    private static String seconds(Duration d) {
        return d.toSeconds() >= 60 && d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
