package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the nodes are, by the zone label cloud providers set (topology.kubernetes.io/zone): in at
 * least or exactly so many zones, in exactly the zones given, all in one region, with so many nodes
 * in each zone. That is how a zonal, a multi-zonal and a regional GKE cluster differ.
 *
 * @param min     at least this many zones, or 0
 * @param count   exactly this many zones, or 0
 * @param zones   exactly these zones, or empty
 * @param region  every zone in this region, or ""
 * @param perZone exactly this many nodes in each zone, or 0
 * @param role    only the nodes with this role (control-plane: is the control plane spread?), or "" for all
 */
public record NodeZonesCheck(int min, int count, List<String> zones, String region, int perZone, String role)
        implements Check {
    static final String ZONE = "topology.kubernetes.io/zone";

    public NodeZonesCheck {
        zones = List.copyOf(zones);
    }

    public static NodeZonesCheck from(Params p) {
        List<String> zones = p.list("zones").stream().flatMap(z -> List.of(z.split(",")).stream()).map(String::strip)
                .filter(z -> !z.isEmpty()).toList();
        boolean other = p.has("count") || !zones.isEmpty() || p.has("region") || p.has("per_zone");
        return new NodeZonesCheck((int) p.integer("min", other ? 0 : 2), (int) p.integer("count", 0), zones,
                p.string("region", ""), (int) p.integer("per_zone", 0), p.string("role", ""));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = expected(say);
        return ClusterCall.run(ctx, expected, NodesReadyCheck.CALL, client -> {
            Map<String, String> zoneOf = new TreeMap<>();
            for (Node n : client.nodes().list().getItems()) {
                Map<String, String> labels = n.getMetadata().getLabels();
                if (!role.isEmpty() && (labels == null || !labels.containsKey(NodeRoleCheck.PREFIX + role))) {
                    continue;
                }
                zoneOf.put(n.getMetadata().getName(), labels == null ? null : labels.get(ZONE));
            }
            Map<String, Integer> nodesIn = new TreeMap<>();
            zoneOf.values().stream().filter(z -> z != null).forEach(z -> nodesIn.merge(z, 1, Integer::sum));
            String observed = (nodesIn.size() == 1 ? say.t("1 zone") : say.t("{0} zones", nodesIn.size())) + ": "
                    + String.join(", ", zoneOf.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null
                    ? say.t("(no zone label)") : e.getValue())).toList());
            String evidence = ClusterCall.evidence(ctx, NodesReadyCheck.CALL);
            List<String> wrong = wrong(say, nodesIn);
            boolean countWrong = count > 0 && nodesIn.size() != count || nodesIn.size() < min;
            if (wrong.isEmpty() && !countWrong) {
                return CheckResult.pass(expected, observed, evidence);
            }
            boolean unlabelled = nodesIn.isEmpty() && !zoneOf.isEmpty();
            // The observed line starts with how many zones; what else is wrong follows it.
            return CheckResult.fail(expected, wrong.isEmpty() ? observed : observed + " — " + String.join("; ", wrong),
                    evidence, unlabelled
                    ? say.t("bare machines have no zone label; a cloud cluster gets them from its provider")
                    : say.t("spread the nodes: gcloud --node-locations, eksctl --zones, kops --zones (one node group per "
                    + "zone)"));
        });
    }

    private String expected(Say say) {
        List<String> parts = new ArrayList<>();
        if (!role.isEmpty()) {
            parts.add(say.t("{0} nodes", role));
        }
        if (!zones.isEmpty()) {
            parts.add(say.t("nodes in exactly the zones {0}", String.join(", ", zones)));
        }
        if (count > 0) {
            parts.add(count == 1 ? say.t("nodes in exactly 1 zone") : say.t("nodes in exactly {0} zones", count));
        }
        if (min > 0) {
            parts.add(say.t("nodes in at least {0} zones", min));
        }
        if (!region.isEmpty()) {
            parts.add(say.t("every zone in region {0}", region));
        }
        if (perZone > 0) {
            parts.add(say.t("{0} nodes in each zone", perZone));
        }
        return String.join(", ", parts);
    }

    /** What does not hold, in words; empty when all does. */
    private List<String> wrong(Say say, Map<String, Integer> nodesIn) {
        List<String> out = new ArrayList<>();
        if (!zones.isEmpty() && !new TreeSet<>(zones).equals(nodesIn.keySet())) {
            List<String> missing = zones.stream().filter(z -> !nodesIn.containsKey(z)).toList();
            List<String> extra = nodesIn.keySet().stream().filter(z -> !zones.contains(z)).toList();
            if (!missing.isEmpty()) {
                out.add(say.t("no node in {0}", String.join(", ", missing)));
            }
            if (!extra.isEmpty()) {
                out.add(say.t("nodes in zones not asked for: {0}", String.join(", ", extra)));
            }
        }
        if (!region.isEmpty()) {
            List<String> outside = nodesIn.keySet().stream().filter(z -> !z.startsWith(region)).toList();
            if (!outside.isEmpty()) {
                out.add(say.t("zones outside {0}: {1}", region, String.join(", ", outside)));
            }
        }
        if (perZone > 0) {
            nodesIn.forEach((z, n) -> {
                if (n != perZone) {
                    out.add(say.t("{0} has {1} nodes", z, n));
                }
            });
        }
        return out;
    }
}
