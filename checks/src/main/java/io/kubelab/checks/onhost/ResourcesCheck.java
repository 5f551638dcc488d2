package io.kubelab.checks.onhost;

import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host has at least N CPUs and M MB of memory. Memory is MemTotal (what kubeadm's preflight
 * counts) or MemAvailable (what minikube needs free), as the lab chooses.
 */
public record ResourcesCheck(long cpus, long memoryMb, boolean available) implements Check {

    private static final String PROBE = "nproc; grep -E '^(MemTotal|MemAvailable):' /proc/meminfo";

    public static ResourcesCheck from(Params p) {
        String kind = p.string("memory_kind", "total");
        if (!kind.equals("total") && !kind.equals("available")) {
            throw new BadParameterException("parameter 'memory_kind' must be total or available, not '" + kind + "'");
        }
        return new ResourcesCheck(p.integer("cpus", 0), p.integer("memory_mb", 0), kind.equals("available"));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = available ? say.t("at least {0} CPUs and {1} MB available memory", cpus, memoryMb)
                : say.t("at least {0} CPUs and {1} MB total memory", cpus, memoryMb);
        String evidence = HostProbe.evidence(ctx, PROBE);
        return HostProbe.run(ctx, PROBE, r -> {
            String out = r.stdout();
            Matcher cpu = Pattern.compile("^(\\d+)\\s*$", Pattern.MULTILINE).matcher(out);
            Matcher mem = Pattern.compile("^" + (available ? "MemAvailable" : "MemTotal") + ":\\s+(\\d+) kB", Pattern.MULTILINE)
                    .matcher(out);
            if (!cpu.find() || !mem.find()) {
                return CheckResult.error(expected, say.t("could not read nproc and /proc/meminfo: {0}", r.tail(3)), evidence,
                        "");
            }
            long haveCpus = Long.parseLong(cpu.group(1));
            long haveMb = Long.parseLong(mem.group(1)) / 1024;
            String observed = available ? say.t("{0} CPUs, {1} MB available memory", haveCpus, haveMb)
                    : say.t("{0} CPUs, {1} MB total memory", haveCpus, haveMb);
            if (haveCpus < cpus || haveMb < memoryMb) {
                String hint = haveCpus < cpus
                        ? say.t("give the machine at least {0} CPUs (a bigger VM size)", cpus)
                        : (available ? say.t("close programs or stop other VMs to free memory, or give the machine more")
                        : say.t("give the machine at least {0} MB of memory", memoryMb));
                return CheckResult.fail(expected, observed, evidence, hint);
            }
            return CheckResult.pass(expected, observed, evidence);
        });
    }
}
