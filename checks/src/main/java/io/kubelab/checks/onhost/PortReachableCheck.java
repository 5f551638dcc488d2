package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.Shell;

/** A TCP port of another host can be reached from this one (e.g. a worker reaches the API on 6443). */
public record PortReachableCheck(String target, int port, int seconds) implements Check {

    public static PortReachableCheck from(Params p) {
        return new PortReachableCheck(p.string("host"), (int) p.integer("port", 0), (int) p.integer("timeout", 3));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = say.t("{0}:{1} reachable from {2}", target, port, ctx.host().name());
        String probe = "timeout " + seconds + " bash -c " + Shell.quote("exec 3<>/dev/tcp/" + target + "/" + port)
                + " 2>&1; echo \"rc=$?\"";
        String evidence = HostProbe.evidence(ctx, "bash -c 'exec 3<>/dev/tcp/" + target + "/" + port + "'");
        return HostProbe.run(ctx, probe, r -> {
            String out = r.stdout().strip();
            if (out.endsWith("rc=0")) {
                return CheckResult.pass(expected, say.t("connected"), evidence);
            }
            String why = out.endsWith("rc=124") ? say.t("no answer within {0}s (a firewall dropping packets?)", seconds)
                    : out.contains("refused") ? say.t("connection refused (nothing listens there)")
                    : out.replaceAll("\\s*rc=\\d+$", "").replace("bash: line 1: ", "");
            return CheckResult.fail(expected, why, evidence,
                    say.t("check the address, that the service listens on it (not 127.0.0.1), and firewalls between the "
                            + "hosts"));
        });
    }
}
