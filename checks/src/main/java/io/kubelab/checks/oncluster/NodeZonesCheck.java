package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The nodes span at least N zones (topology.kubernetes.io/zone, which cloud providers set). */
public record NodeZonesCheck(int min) implements Check {
    static final String ZONE = "topology.kubernetes.io/zone";

    public static NodeZonesCheck from(Params p) {
        return new NodeZonesCheck((int) p.integer("min", 2));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = say.t("nodes in at least {0} zones", min);
        return ClusterCall.run(ctx, expected, NodesReadyCheck.CALL, client -> {
            Map<String, String> zoneOf = new TreeMap<>();
            for (Node n : client.nodes().list().getItems()) {
                Map<String, String> labels = n.getMetadata().getLabels();
                zoneOf.put(n.getMetadata().getName(), labels == null ? null : labels.get(ZONE));
            }
            TreeSet<String> zones = new TreeSet<>();
            zoneOf.values().stream().filter(z -> z != null).forEach(zones::add);
            String observed = (zones.size() == 1 ? say.t("1 zone") : say.t("{0} zones", zones.size())) + ": " + String.join(", ",
                    zoneOf.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? say.t("(no zone label)")
                            : e.getValue())).toList());
            String evidence = ClusterCall.evidence(ctx, NodesReadyCheck.CALL);
            if (zones.size() >= min) {
                return CheckResult.pass(expected, observed, evidence);
            }
            List<String> unlabelled = zoneOf.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                    .toList();
            return CheckResult.fail(expected, observed, evidence, !unlabelled.isEmpty() && zones.isEmpty()
                    ? say.t("bare machines have no zone label; a cloud cluster gets them from its provider")
                    : say.t("spread the nodes: gcloud --node-locations, eksctl --zones, kops --zones (one node group per "
                    + "zone)"));
        });
    }
}
