package io.kubelab.checks.onhost;

import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP ports on a host: listening (a component is up) or free (nothing is in the way, as kubeadm's
 * preflight wants). A range such as 2379-2380 checks each port. The observation names the
 * process holding a port when `ss` can tell.
 *
 * @param allowed processes that may hold a port that must be free: the component the lab itself
 *                starts there, so that checking the lab again after that step still passes
 */
public record PortCheck(List<Integer> ports, boolean wantListening, List<String> allowed) implements Check {

    public PortCheck {
        allowed = List.copyOf(allowed);
    }

    public static PortCheck listening(Params p) {
        return new PortCheck(ports(p), true, List.of());
    }

    public static PortCheck free(Params p) {
        return new PortCheck(ports(p), false, p.list("allow"));
    }

    static List<Integer> ports(Params p) {
        List<Integer> out = new ArrayList<>();
        for (String item : p.list("ports").isEmpty() ? p.list("port") : p.list("ports")) {
            String[] range = item.strip().split("-");
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int port = from; port <= to; port++) {
                    out.add(port);
                }
            } catch (NumberFormatException e) {
                throw new BadParameterException("'" + item + "' is not a port or a range like 2379-2380");
            }
        }
        if (out.isEmpty()) {
            throw new BadParameterException("give the port(s): port: 6443 or ports: [6443, 2379-2380]");
        }
        return out;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = ports.size() > 1
                ? (wantListening ? say.t("ports {0} listening", join(ports)) : say.t("ports {0} free", join(ports)))
                : (wantListening ? say.t("port {0} listening", join(ports)) : say.t("port {0} free", join(ports)));
        String probe = "ss -Hltnp 2>/dev/null || ss -Hltn";
        String evidence = HostProbe.evidence(ctx, "ss -ltnp");
        return HostProbe.run(ctx, probe, r -> {
            if (r.exitCode() != 0) {
                return CheckResult.error(expected, say.t("ss did not answer: {0}", r.tail(2)), evidence,
                        say.t("install iproute2"));
            }
            List<String> listening = new ArrayList<>();
            List<String> notListening = new ArrayList<>();
            List<String> ours = new ArrayList<>();
            for (int port : ports) {
                String holder = holder(r.stdout(), port);
                if (holder != null && !wantListening && isAllowed(holder)) {
                    ours.add(port + " (" + holder + ")");
                } else if (holder != null) {
                    listening.add(port + (holder.isEmpty() ? "" : " (" + holder + ")"));
                } else {
                    notListening.add(String.valueOf(port));
                }
            }
            if (wantListening) {
                String observed = notListening.isEmpty() ? say.t("listening: {0}", String.join(", ", listening))
                        : say.t("nothing listens on {0}", String.join(", ", notListening));
                return notListening.isEmpty() ? CheckResult.pass(expected, observed, evidence)
                        : CheckResult.fail(expected, observed, evidence, say.t("is the component that serves it running?"));
            }
            String observed = !listening.isEmpty() ? say.t("in use: {0}", String.join(", ", listening))
                    : ours.isEmpty() ? say.t("free: {0}", join(ports))
                    : say.t("held by the lab's own component: {0}", String.join(", ", ours));
            return listening.isEmpty() ? CheckResult.pass(expected, observed, evidence)
                    : CheckResult.fail(expected, observed, evidence,
                    say.t("stop what holds it (a cluster left from an earlier try? `kubeadm reset -f` clears one)"));
        });
    }

    /** Whether an allowed process holds it: ss names a process by its first 15 characters (kube-controller). */
    private boolean isAllowed(String holder) {
        return allowed.stream().anyMatch(a -> a.equals(holder) || holder.length() == 15 && a.startsWith(holder));
    }

    /** The process listening on {@code port} ("" when ss cannot name it), or null when none. */
    private static String holder(String ss, int port) {
        for (String line : ss.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 4) {
                continue;
            }
            String local = cols[3];
            if (local.endsWith(":" + port)) {
                int users = line.indexOf("users:((\"");
                if (users >= 0) {
                    int end = line.indexOf('"', users + 9);
                    return end > 0 ? line.substring(users + 9, end) : "";
                }
                return "";
            }
        }
        return null;
    }

    private static String join(List<Integer> ports) {
        return String.join(", ", ports.stream().map(String::valueOf).toList());
    }
}
