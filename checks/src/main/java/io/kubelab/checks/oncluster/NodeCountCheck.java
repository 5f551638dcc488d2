package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import java.util.List;
import java.util.stream.Collectors;

/** The cluster has exactly N nodes, or at least N. */
public record NodeCountCheck(long count, boolean atLeast) implements Check {

    public static NodeCountCheck from(Params p) {
        if (p.has("count") == p.has("min")) {
            throw new BadParameterException("check 'node-count' needs exactly one of 'count' (exactly) or 'min' (at least)");
        }
        return p.has("count") ? new NodeCountCheck(p.integer("count", 0), false)
                : new NodeCountCheck(p.integer("min", 0), true);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = atLeast ? (count == 1 ? say.t("at least 1 node") : say.t("at least {0} nodes", count))
                : (count == 1 ? say.t("exactly 1 node") : say.t("exactly {0} nodes", count));
        return ClusterCall.run(ctx, expected, NodesReadyCheck.CALL, client -> {
            List<Node> nodes = client.nodes().list().getItems();
            String names = nodes.stream().map(n -> n.getMetadata().getName()).sorted().collect(Collectors.joining(", "));
            String observed = (nodes.size() == 1 ? say.t("1 node") : say.t("{0} nodes", nodes.size()))
                    + (names.isEmpty() ? "" : ": " + names);
            boolean ok = atLeast ? nodes.size() >= count : nodes.size() == count;
            String evidence = ClusterCall.evidence(ctx, NodesReadyCheck.CALL);
            return ok ? CheckResult.pass(expected, observed, evidence)
                    : CheckResult.fail(expected, observed, evidence, nodes.size() < count
                    ? say.t("nodes that have not joined yet will not be counted; check the join step")
                    : say.t("is the kubeconfig pointing at the cluster you think? `kubectl config current-context`"));
        });
    }
}
