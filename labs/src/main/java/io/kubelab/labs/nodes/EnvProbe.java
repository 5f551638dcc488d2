package io.kubelab.labs.nodes;

import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import java.time.Duration;
import java.util.List;

/** What `lab env` finds on each host, in one round trip per host, all hosts at once. */
public final class EnvProbe {
    private static final String PROBE = "hostname; (. /etc/os-release 2>/dev/null && echo \"$PRETTY_NAME\") || uname -sr; "
            + "nproc; awk '/^MemTotal:/ {print int($2/1024)}' /proc/meminfo";

    /**
     * @param reached       the host answered (TCP and SSH)
     * @param authenticated lab logged in and ran the probe
     * @param problem       why not, in words; empty when all is well
     */
    public record Report(String name, String address, boolean reached, boolean authenticated, String hostname,
                         String os, int cpus, long memoryMb, String problem) {
        public boolean ok() {
            return reached && authenticated && problem.isEmpty();
        }
    }

    /** How many nodes are probed at once. */
    private static final int PARALLELISM = 32;

    private EnvProbe() {
    }

    /** Probes every node of the inventory at once (this machine is not probed: it is always there). */
    public static List<Report> probe(Nodes nodes, Duration timeout) {
        return nodes.workers().map(nodes.resolve("all"), PARALLELISM, n -> probe(n, timeout));
    }

    static Report probe(Host h, Duration timeout) {
        try {
            ExecResult r = h.exec(PROBE, timeout);
            String[] lines = r.stdout().strip().split("\n");
            if (!r.ok() || lines.length < 4) {
                String why = r.outcome() == ExecResult.Outcome.TIMED_OUT ? "the probe timed out"
                        : "the probe failed (exit " + r.exitCode() + "): " + r.tail(2);
                return new Report(h.name(), h.address(), true, true, "", "", 0, 0, why);
            }
            return new Report(h.name(), h.address(), true, true, lines[0].strip(), lines[1].strip(),
                    parse(lines[2]), parse(lines[3]), "");
        } catch (HostUnreachableException e) {
            return new Report(h.name(), h.address(), e.reached(), false, "", "", 0, 0, e.reason());
        }
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
