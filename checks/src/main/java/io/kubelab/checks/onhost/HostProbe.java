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
    static String evidence(CheckContext ctx, String command) {
        Host host = ctx.host();
        return host.name().equals("local") ? ctx.say().t("on {0}: {1}", host.name(), command)
                : ctx.say().t("on {0} ({1}): {2}", host.name(), host.address(), command);
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
                case TIMED_OUT -> new Answer(null, CheckResult.error(ctx.say().t("an answer within {0}s",
                        ctx.timeout().toSeconds()), ctx.say().t("no answer: the command timed out"), evidence(ctx, command),
                        ctx.say().t("the host is slow or the command waits for input; run it by hand to see")));
                case CANCELLED -> new Answer(null, CheckResult.error("", ctx.say().t("cancelled"), evidence(ctx, command), ""));
                case EXITED -> new Answer(r, null);
            };
        } catch (HostUnreachableException e) {
            return new Answer(null, CheckResult.error(ctx.say().t("host {0} reachable", ctx.host().name()), e.getMessage(),
                    evidence(ctx, command), ctx.say().t("check that the host is up and that `lab env` can reach it")));
        }
    }
}
