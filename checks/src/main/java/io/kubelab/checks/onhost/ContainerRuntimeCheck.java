package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.Shell;

/** The container runtime's socket exists and the runtime answers on it (as kubeadm's CRI preflight asks). */
public record ContainerRuntimeCheck(String socket) implements Check {
    public static final String CONTAINERD = "/run/containerd/containerd.sock";

    public static ContainerRuntimeCheck from(Params p) {
        return new ContainerRuntimeCheck(p.string("socket", CONTAINERD).replaceFirst("^unix://", ""));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String s = Shell.quote(socket);
        Say say = ctx.say();
        String expected = say.t("a container runtime answering on {0}", socket);
        String probe = "if [ ! -S " + s + " ]; then echo nosocket; exit 0; fi; "
                + "if command -v crictl >/dev/null; then crictl --runtime-endpoint unix://" + socket + " version 2>&1; "
                + "elif command -v ctr >/dev/null; then ctr --address " + s + " version 2>&1; else echo notools; fi";
        String evidence = HostProbe.evidence(ctx, "crictl --runtime-endpoint unix://" + socket + " version");
        return HostProbe.run(ctx, probe, r -> {
            String out = r.stdout().strip();
            if (out.equals("nosocket")) {
                return CheckResult.fail(expected, say.t("no socket at {0}", socket), evidence,
                        say.t("install and start containerd: sudo systemctl enable --now containerd"));
            }
            if (out.equals("notools")) {
                return CheckResult.warn(expected, say.t("the socket exists; no crictl or ctr to ask it"), evidence,
                        say.t("install cri-tools (crictl) to see the runtime answer"));
            }
            if (r.exitCode() == 0 && (out.contains("RuntimeVersion") || out.contains("Server:"))) {
                // crictl names the runtime; ctr only prints versions.
                boolean crictl = out.contains("RuntimeVersion");
                String version = out.lines().map(String::strip).filter(l -> crictl
                        ? l.startsWith("RuntimeName") || l.startsWith("RuntimeVersion") : l.startsWith("Version"))
                        .reduce((a, b) -> a + ", " + b).orElse(out);
                return CheckResult.pass(expected, version, evidence);
            }
            return CheckResult.fail(expected, say.t("the runtime did not answer: {0}", r.tail(2)), evidence,
                    say.t("sudo systemctl restart containerd; `journalctl -u containerd` tells why it fails"));
        });
    }
}
