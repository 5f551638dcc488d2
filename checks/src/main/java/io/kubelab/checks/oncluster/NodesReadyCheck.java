package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every node is Ready (and, when names are given, those nodes exist); each one that is not is named. */
public record NodesReadyCheck(List<String> names) implements Check {

    static final String CALL = "GET /api/v1/nodes";

    public static NodesReadyCheck from(Params p) {
        return new NodesReadyCheck(p.list("names"));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = names.isEmpty() ? say.t("every node Ready")
                : say.t("nodes {0} present and Ready", String.join(", ", names));
        return ClusterCall.run(ctx, expected, CALL, client -> {
            List<Node> nodes = client.nodes().list().getItems();
            Set<String> present = nodes.stream().map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
            List<String> problems = new ArrayList<>();
            names.stream().filter(n -> !present.contains(n)).forEach(n -> problems.add(say.t("{0}: not a cluster node", n)));
            for (Node node : nodes) {
                if (!NodeConditions.isReady(node)) {
                    problems.add(node.getMetadata().getName() + ": " + NodeConditions.describe(node));
                }
            }
            String evidence = ClusterCall.evidence(ctx, CALL);
            if (nodes.isEmpty()) {
                return CheckResult.fail(expected, say.t("no nodes registered"), evidence,
                        say.t("the kubelet has not registered; see `journalctl -u kubelet` on the node"));
            }
            if (!problems.isEmpty()) {
                return CheckResult.fail(expected, String.join("; ", problems), evidence,
                        say.t("`kubectl describe node <name>` shows why; a node stays NotReady until a pod network is "
                                + "installed"));
            }
            return CheckResult.pass(expected, say.t("{0} Ready: {1}", nodes.size(), nodes.stream()
                    .map(n -> n.getMetadata().getName()).sorted().collect(Collectors.joining(", "))), evidence);
        });
    }
}
