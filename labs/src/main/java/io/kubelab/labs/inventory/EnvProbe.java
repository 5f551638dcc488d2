package io.kubelab.labs.inventory;

import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    private EnvProbe() {
    }

    public static List<Report> probe(List<Host> hosts, Duration timeout) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(32, hosts.size())), r -> {
            Thread t = new Thread(r, "env-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Report>> futures = new ArrayList<>();
            hosts.forEach(h -> futures.add(pool.submit(() -> probe(h, timeout))));
            List<Report> out = new ArrayList<>();
            for (Future<Report> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
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
            String why = e.getMessage().startsWith(h.name() + ": ") ? e.getMessage().substring(h.name().length() + 2)
                    : e.getMessage();
            return new Report(h.name(), h.address(), e.reached(), false, "", "", 0, 0, why);
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
