package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.Shell;
import java.util.ArrayList;
import java.util.List;

/** Kernel settings the kubelet and CNI need: swap off, a sysctl value, modules loaded, cgroup v2. */
public final class KernelCheck {
    private KernelCheck() {
    }

    /** Swap is off: /proc/swaps lists nothing. A warning, as kubeadm's preflight gives one. */
    public record SwapOff(boolean failOnSwap, String swaps) implements Check {
        public static SwapOff from(Params p) {
            return new SwapOff(p.bool("fail", false), p.string("swaps", "/proc/swaps"));
        }

        @Override
        public CheckResult run(CheckContext ctx) {
            String evidence = HostProbe.evidence(ctx, "cat " + swaps);
            return HostProbe.run(ctx, "cat " + Shell.quote(swaps) + "; grep -nE '^[^#].*\\sswap\\s' /etc/fstab 2>/dev/null | sed 's/^/fstab:/'", r -> {
                List<String> devices = new ArrayList<>();
                List<String> fstab = new ArrayList<>();
                for (String line : r.stdout().split("\n")) {
                    if (line.startsWith("fstab:")) {
                        fstab.add(line.substring(6));
                    } else if (!line.isBlank() && !line.startsWith("Filename")) {
                        devices.add(line.trim().split("\\s+")[0]);
                    }
                }
                Say say = ctx.say();
                if (devices.isEmpty()) {
                    return CheckResult.pass(say.t("swap off"), say.t("no swap in use"), evidence);
                }
                String hint = fstab.isEmpty() ? "sudo swapoff -a" : say.t("sudo swapoff -a; and remove (or comment out) "
                        + "the swap line of /etc/fstab so it stays off after a reboot: line {0}", String.join(", ", fstab));
                String observed = say.t("swap in use: {0}", String.join(", ", devices));
                return failOnSwap ? CheckResult.fail(say.t("swap off"), observed, evidence, hint)
                        : CheckResult.warn(say.t("swap off"), observed, evidence, hint);
            });
        }
    }

    /** A sysctl has a value (read from /proc/sys, which needs no sysctl binary). */
    public record Sysctl(String key, String value) implements Check {
        public static Sysctl from(Params p) {
            return new Sysctl(p.string("key"), p.string("value"));
        }

        @Override
        public CheckResult run(CheckContext ctx) {
            String path = "/proc/sys/" + key.replace('.', '/');
            String expected = key + " = " + value;
            String evidence = HostProbe.evidence(ctx, "cat " + path);
            return HostProbe.run(ctx, "cat " + Shell.quote(path), r -> {
                Say say = ctx.say();
                if (r.exitCode() != 0) {
                    return CheckResult.fail(expected, say.t("{0} does not exist here ({1})", key, r.tail(1)), evidence,
                            key.startsWith("net.bridge") ? say.t("sudo modprobe br_netfilter (it provides {0})", key) : "");
                }
                String have = r.stdout().strip().replaceAll("\\s+", " ");
                String fix = say.t("sudo sysctl -w {0}={1}; and add `{0} = {1}` to /etc/sysctl.d/k8s.conf so it stays "
                        + "after a reboot", key, value);
                return have.equals(value) ? CheckResult.pass(expected, key + " = " + have, evidence)
                        : CheckResult.fail(expected, key + " = " + have, evidence, fix);
            });
        }
    }

    /** Kernel modules are loaded. */
    public record ModulesLoaded(List<String> modules) implements Check {
        public static ModulesLoaded from(Params p) {
            List<String> m = p.list("modules").isEmpty() ? p.list("module") : p.list("modules");
            if (m.isEmpty()) {
                throw new io.kubelab.checks.BadParameterException("give the module(s): modules: [overlay, br_netfilter]");
            }
            return new ModulesLoaded(m);
        }

        /**
         * Loaded modules, modules built into the kernel (modules.builtin), and the two Kubernetes needs
         * recognised by what they provide when built in: a kernel without module files (a container's
         * host, a cloud kernel) has them without listing them anywhere else.
         */
        private static final String PROBE = "cut -d' ' -f1 /proc/modules; ls /sys/module; "
                + "sed -n 's|.*/||; s|\\.ko.*||p' /lib/modules/$(uname -r)/modules.builtin 2>/dev/null; "
                + "grep -qw overlay /proc/filesystems && echo overlay; [ -d /proc/sys/net/bridge ] && echo br_netfilter; true";

        @Override
        public CheckResult run(CheckContext ctx) {
            String expected = ctx.say().t("modules loaded: {0}", String.join(", ", modules));
            String evidence = HostProbe.evidence(ctx, "cat /proc/modules; ls /sys/module; modules.builtin");
            return HostProbe.run(ctx, PROBE, r -> {
                List<String> loaded = List.of(r.stdout().split("\n"));
                List<String> missing = modules.stream().filter(m -> !loaded.contains(m)).toList();
                if (missing.isEmpty()) {
                    return CheckResult.pass(expected, ctx.say().t("loaded or built in: {0}", String.join(", ", modules)),
                            evidence);
                }
                return CheckResult.fail(expected, ctx.say().t("not loaded: {0}", String.join(", ", missing)), evidence,
                        ctx.say().t("sudo modprobe -a {0}; and list them in /etc/modules-load.d/k8s.conf so they load at "
                                + "boot", String.join(" ", missing)));
            });
        }
    }

    /** The unified cgroup hierarchy (cgroup v2), which kubelet 1.35 and later require. */
    public record CgroupV2() implements Check {
        public static CgroupV2 from(Params p) {
            return new CgroupV2();
        }

        @Override
        public CheckResult run(CheckContext ctx) {
            String evidence = HostProbe.evidence(ctx, "stat -fc %T /sys/fs/cgroup");
            return HostProbe.run(ctx, "stat -fc %T /sys/fs/cgroup", r -> {
                String fs = r.stdout().strip();
                Say say = ctx.say();
                if (fs.equals("cgroup2fs")) {
                    return CheckResult.pass("cgroup v2", "cgroup v2 (cgroup2fs)", evidence);
                }
                return CheckResult.fail("cgroup v2", fs.equals("tmpfs") ? say.t("cgroup v1 (tmpfs with per-controller "
                        + "mounts)") : say.t("unexpected: {0}", fs), evidence, say.t("boot with "
                        + "systemd.unified_cgroup_hierarchy=1 (or use a current distribution: Debian 11+, Ubuntu 21.10+, "
                        + "RHEL 9 use cgroup v2)"));
            });
        }
    }
}
