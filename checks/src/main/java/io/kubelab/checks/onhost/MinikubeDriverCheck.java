package io.kubelab.checks.onhost;

import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A driver minikube can use is present and healthy. Every driver minikube offers on Linux (as of
 * minikube 1.38) is asked, in minikube's order of preference, so the result says which one would
 * be chosen and why each of the others was refused — also when a required driver is refused, so
 * the learner sees which one would work instead. {@code none} and {@code ssh} are left out:
 * minikube never chooses them itself, and they need a machine set aside for them.
 */
public record MinikubeDriverCheck(String required) implements Check {

    /** One driver: how to ask whether it works, and what to do when it does not. */
    private record Driver(String name, String probe, String why, String fix) {
    }

    static final List<Driver> PREFERENCE = List.of(
            new Driver("docker", "docker version --format '{{.Server.Version}}'",
                    Say.n("minikube prefers docker when its daemon is healthy"),
                    Say.n("start Docker (sudo systemctl start docker) and let your user use it "
                            + "(sudo usermod -aG docker $USER, then log in again)")),
            new Driver("podman", "podman version --format '{{.Version}}'",
                    Say.n("podman is minikube's container driver beside docker (experimental)"),
                    Say.n("install podman (apt-get install podman); minikube runs it with sudo")),
            // virsh that cannot run is "not installed" whether or not this machine has /dev/kvm.
            new Driver("kvm2", "v=$(virsh --version 2>&1) || exit $?; "
                    + "[ -r /dev/kvm ] && [ -w /dev/kvm ] || { echo 'no usable /dev/kvm (virtualization off, "
                    + "or you are not in the kvm group)'; exit 1; }; echo \"$v\"",
                    Say.n("kvm2 runs the node in a virtual machine when no container engine is healthy"),
                    Say.n("enable virtualization in the firmware, install libvirt (apt-get install qemu-kvm "
                            + "libvirt-daemon-system) and join the libvirt group")),
            new Driver("qemu", "qemu-system-$(uname -m) --version",
                    Say.n("qemu runs the node in a virtual machine without libvirt"),
                    Say.n("install QEMU (apt-get install qemu-system)")),
            new Driver("virtualbox", "VBoxManage --version",
                    Say.n("virtualbox is minikube's last choice on Linux"),
                    Say.n("install VirtualBox")));

    public static MinikubeDriverCheck from(Params p) {
        String driver = p.string("driver", "");
        String name = driver.equals("qemu2") ? "qemu" : driver; // minikube's alias
        if (!name.isEmpty() && PREFERENCE.stream().noneMatch(d -> d.name().equals(name))) {
            throw new BadParameterException("check 'minikube-driver' knows the Linux drivers "
                    + String.join(", ", PREFERENCE.stream().map(Driver::name).toList()) + " (got '" + driver + "')");
        }
        return new MinikubeDriverCheck(name);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = required.isEmpty()
                ? say.t("a usable minikube driver ({0})", String.join(", ", PREFERENCE.stream().map(Driver::name).toList()))
                : say.t("the {0} driver usable", required);
        Map<Driver, String> refused = new LinkedHashMap<>();
        Optional<Driver> usable = Optional.empty();
        String version = "";
        for (Driver d : PREFERENCE) {
            HostProbe.Answer a = HostProbe.ask(ctx, d.probe() + " 2>&1");
            if (a.failed()) {
                return a.failure();
            }
            ExecResult r = a.result();
            String said = r.stdout().strip();
            boolean works = r.ok() && !said.isEmpty();
            if (works && usable.isEmpty() && (required.isEmpty() || d.name().equals(required))) {
                usable = Optional.of(d);
                version = said.split("\n", 2)[0];
            } else if (!works) {
                refused.put(d, reason(r, say));
            }
        }
        String evidence = HostProbe.evidence(ctx, say.t("each driver's version command"));
        if (usable.isPresent()) {
            Driver d = usable.get();
            return CheckResult.pass(expected, say.t("{0} {1} is usable ({2})", d.name(), version,
                    required.isEmpty() ? say.t(d.why()) : say.t("as required")), evidence);
        }
        List<String> observed = new ArrayList<>();
        refused.forEach((d, why) -> observed.add(d.name() + ": " + why));
        List<String> others = PREFERENCE.stream().filter(d -> !refused.containsKey(d)).map(Driver::name).toList();
        if (!others.isEmpty()) {
            observed.add(say.t("usable: {0}", String.join(", ", others)));
        }
        String fix = required.isEmpty()
                ? say.t("{0}; or {1}", say.t(PREFERENCE.get(0).fix()), say.t(PREFERENCE.get(2).fix()))
                : PREFERENCE.stream().filter(d -> d.name().equals(required)).findFirst().map(d -> say.t(d.fix())).orElse("")
                + (others.isEmpty() ? "" : say.t("; or choose {0}, which works here", others.get(0)));
        return CheckResult.fail(expected, String.join("; ", observed), evidence, fix);
    }

    private static String reason(ExecResult r, Say say) {
        if (r.exitCode() == 127) {
            return say.t("not installed");
        }
        String said = r.stdout().strip();
        if (said.isEmpty()) {
            return say.t("no answer (exit {0})", r.exitCode());
        }
        String[] lines = said.split("\n");
        return lines[lines.length - 1].strip();
    }
}
