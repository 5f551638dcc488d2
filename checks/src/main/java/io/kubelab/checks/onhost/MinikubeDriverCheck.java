package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.host.ExecResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A driver minikube can use is present and healthy. Drivers are tried in minikube's own order of
 * preference on Linux (docker first when its daemon answers), and the result says which one
 * would be chosen and why the others were not.
 */
public record MinikubeDriverCheck(String required) implements Check {

    /** One driver: how to ask whether it works, and what to do when it does not. */
    private record Driver(String name, String probe, String why, String fix) {
    }

    private static final List<Driver> PREFERENCE = List.of(
            new Driver("docker", "docker version --format '{{.Server.Version}}'",
                    "minikube prefers docker when its daemon is healthy",
                    "start Docker (sudo systemctl start docker) and add yourself to the docker group"),
            new Driver("podman", "podman version --format '{{.Version}}'",
                    "podman is minikube's next choice after docker",
                    "install podman (experimental driver)"),
            new Driver("kvm2", "test -c /dev/kvm && virsh --version",
                    "kvm2 is used when no container engine is available",
                    "enable virtualization and install libvirt (virsh)"),
            new Driver("virtualbox", "VBoxManage --version",
                    "virtualbox is the last resort on Linux",
                    "install VirtualBox"));

    public static MinikubeDriverCheck from(Params p) {
        return new MinikubeDriverCheck(p.string("driver", ""));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String expected = required.isEmpty() ? "a usable minikube driver (docker, podman, kvm2 or virtualbox)"
                : "the " + required + " driver usable";
        List<String> refused = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        for (Driver d : PREFERENCE) {
            if (!required.isEmpty() && !d.name().equals(required)) {
                continue;
            }
            probes.add(d.probe());
            HostProbe.Answer a = HostProbe.ask(ctx, d.probe() + " 2>&1");
            if (a.failed()) {
                return a.failure();
            }
            ExecResult r = a.result();
            String said = r.stdout().strip();
            if (r.ok() && !said.isEmpty()) {
                String version = said.split("\n", 2)[0];
                return CheckResult.pass(expected, d.name() + " " + version + " is usable ("
                        + (required.isEmpty() ? d.why() : "as required") + ")", HostProbe.evidence(ctx.host(), d.probe()));
            }
            refused.add(d.name() + ": " + reason(r));
        }
        String fix = required.isEmpty() ? PREFERENCE.get(0).fix() + "; or " + PREFERENCE.get(2).fix()
                : PREFERENCE.stream().filter(d -> d.name().equals(required)).findFirst().map(Driver::fix).orElse("");
        return CheckResult.fail(expected, String.join("; ", refused),
                HostProbe.evidence(ctx.host(), String.join(" | ", probes)), fix);
    }

    private static String reason(ExecResult r) {
        if (r.exitCode() == 127) {
            return "not installed";
        }
        String said = r.stdout().strip();
        if (said.isEmpty()) {
            return "no answer (exit " + r.exitCode() + ")";
        }
        String[] lines = said.split("\n");
        return lines[lines.length - 1].strip();
    }
}
