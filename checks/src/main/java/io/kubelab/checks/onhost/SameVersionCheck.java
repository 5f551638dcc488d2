package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.Version;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tools are at the same minor version on every host (kubeadm, kubelet and kubectl must match for
 * a join to work). Compares every listed tool across every host of the target.
 */
public record SameVersionCheck(List<String> binaries) implements Check {

    public static SameVersionCheck from(Params p) {
        List<String> b = p.list("binaries").isEmpty() ? p.list("binary") : p.list("binaries");
        if (b.isEmpty()) {
            throw new io.kubelab.checks.BadParameterException("give the tools: binaries: [kubeadm, kubelet, kubectl]");
        }
        return new SameVersionCheck(b);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = ctx.hosts().size() == 1
                ? say.t("{0} at one minor version on 1 host", String.join(", ", binaries))
                : say.t("{0} at one minor version on {1} hosts", String.join(", ", binaries), ctx.hosts().size());
        StringBuilder probe = new StringBuilder();
        for (String b : binaries) {
            probe.append("echo \"").append(b).append("=$(").append(KnownBinary.of(b).versionCommand())
                    .append(" 2>/dev/null | head -3 | tr '\\n' ' ')\"; ");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        String minor = null;
        boolean differ = false;
        for (Host h : ctx.hosts()) {
            ExecResult r;
            try {
                r = h.exec(probe.toString(), ctx.timeout());
            } catch (HostUnreachableException e) {
                return CheckResult.error(expected, e.getMessage(), say.t("on {0}", h.name()),
                        say.t("check that `lab env` reaches it"));
            }
            for (String b : binaries) {
                Optional<Version> v = r.stdout().lines().filter(l -> l.startsWith(b + "=")).findFirst()
                        .flatMap(l -> Version.find(l.substring(b.length() + 1)));
                String shown = v.map(Version::toString).orElse("missing");
                seen.put(h.name() + " " + b, shown);
                String m = v.map(Version::minorLine).orElse("missing");
                if (minor == null) {
                    minor = m;
                } else if (!minor.equals(m)) {
                    differ = true;
                }
            }
        }
        String observed = String.join(", ", seen.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        String evidence = say.t("on {0}: {1}", String.join(", ", ctx.hosts().stream().map(Host::name).toList()),
                String.join("; ", binaries.stream().map(b -> KnownBinary.of(b).versionCommand()).toList()));
        return differ || "missing".equals(minor)
                ? CheckResult.fail(expected, observed, evidence, say.t("install the same pkgs.k8s.io minor on every "
                + "node (e.g. apt-get install kubeadm=1.36.* kubelet=1.36.* kubectl=1.36.*) and hold it"))
                : CheckResult.pass(expected, say.t("all {0}: {1}", minor, observed), evidence);
    }
}
