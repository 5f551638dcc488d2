package io.kubelab.checks.onhost;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;

/**
 * Runs one probe command for a host check, turning "could not run it at all" (unreachable,
 * timed out, cancelled) into an error result that names the host, so every host check reports
 * those the same way. The callback form mirrors how cluster checks ask the API.
 */
final class HostProbe {
    private HostProbe() {
    }

    /** What a check makes of a probe's output. */
    @FunctionalInterface
    interface Body {
        CheckResult apply(ExecResult r);
    }

    /** A probe's output, or the error result to report as it is when the probe could not run. */
    record Answer(ExecResult result, CheckResult failure) {
        boolean failed() {
            return failure != null;
        }
    }

    /** Where a command ran, for the evidence line. */
    static String evidence(Host host, String command) {
        return "on " + host.name() + (host.name().equals("local") ? "" : " (" + host.address() + ")") + ": " + command;
    }

    /** Runs {@code command} and gives its output to {@code body}; an error result when it could not run. */
    static CheckResult run(CheckContext ctx, String command, Body body) {
        Answer a = ask(ctx, command);
        return a.failed() ? a.failure() : body.apply(a.result());
    }

    static Answer ask(CheckContext ctx, String command) {
        try {
            ExecResult r = ctx.host().exec(command, ctx.timeout());
            return switch (r.outcome()) {
                case TIMED_OUT -> new Answer(null, CheckResult.error("an answer within " + ctx.timeout().toSeconds() + "s",
                        "no answer: the command timed out", evidence(ctx.host(), command),
                        "the host is slow or the command waits for input; run it by hand to see"));
                case CANCELLED -> new Answer(null, CheckResult.error("", "cancelled", evidence(ctx.host(), command), ""));
                case EXITED -> new Answer(r, null);
            };
        } catch (HostUnreachableException e) {
            return new Answer(null, CheckResult.error("host " + ctx.host().name() + " reachable", e.getMessage(),
                    evidence(ctx.host(), command), "check that the host is up and that `lab env` can reach it"));
        }
    }
}
