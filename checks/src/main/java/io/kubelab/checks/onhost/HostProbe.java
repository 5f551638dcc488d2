package io.kubelab.checks.onhost;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;

/**
 * Runs one probe command for a host check, turning "could not run it at all" into an error
 * result that names the host, so every host check reports unreachable hosts the same way.
 */
final class HostProbe {
    private HostProbe() {
    }

    /** Where a command ran, for the evidence line. */
    static String evidence(Host host, String command) {
        return "on " + host.name() + (host.name().equals("local") ? "" : " (" + host.address() + ")") + ": " + command;
    }

    static ExecResult run(CheckContext ctx, String command) throws ProbeFailed {
        try {
            ExecResult r = ctx.host().exec(command, ctx.timeout());
            if (r.outcome() == ExecResult.Outcome.TIMED_OUT) {
                throw new ProbeFailed(CheckResult.error("an answer within " + ctx.timeout().toSeconds() + "s",
                        "no answer: the command timed out", evidence(ctx.host(), command),
                        "the host is slow or the command waits for input; run it by hand to see"));
            }
            if (r.outcome() == ExecResult.Outcome.CANCELLED) {
                throw new ProbeFailed(CheckResult.error("", "cancelled", evidence(ctx.host(), command), ""));
            }
            return r;
        } catch (HostUnreachableException e) {
            throw new ProbeFailed(CheckResult.error("host " + ctx.host().name() + " reachable", e.getMessage(),
                    evidence(ctx.host(), command),
                    "check that the host is up and that `lab env` can reach it"));
        }
    }

    /** Carries the error result out of a probe. */
    static final class ProbeFailed extends Exception {
        final CheckResult result;

        ProbeFailed(CheckResult result) {
            super(result.observed(), null, false, false);
            this.result = result;
        }
    }
}
