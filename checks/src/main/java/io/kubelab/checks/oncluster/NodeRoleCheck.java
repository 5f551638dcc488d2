package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nodes have (or lack) a role label, e.g. the control plane has node-role.kubernetes.io/control-plane
 * and workers have none (ROLES <none> in kubectl get nodes).
 */
public record NodeRoleCheck(List<String> nodes, String role, boolean present) implements Check {
    static final String PREFIX = "node-role.kubernetes.io/";

    public static NodeRoleCheck from(Params p) {
        if (!p.has("node") && !p.has("nodes")) {
            throw new io.kubelab.checks.BadParameterException("give the node(s): node: node1 or nodes: [node2, node3]");
        }
        // An empty list is allowed: {{hosts.kube_node}} of a cluster with no workers names no one.
        List<String> n = p.list("nodes").isEmpty() ? p.list("node") : p.list("nodes");
        return new NodeRoleCheck(n, p.string("role", "control-plane"), p.bool("present", true));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = present ? say.t("{0} with role {1}", String.join(", ", nodes), role)
                : say.t("{0} without role {1}", String.join(", ", nodes), role);
        if (nodes.isEmpty()) {
            return CheckResult.pass(say.t("no nodes to check"), say.t("none named (an empty group)"), "");
        }
        return ClusterCall.run(ctx, expected, NodesReadyCheck.CALL, client -> {
            List<String> seen = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (String name : nodes) {
                Node node = client.nodes().withName(name).get();
                if (node == null) {
                    seen.add(say.t("{0}: not a cluster node", name));
                    wrong.add(name);
                    continue;
                }
                Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of()
                        : node.getMetadata().getLabels();
                List<String> roles = labels.keySet().stream().filter(k -> k.startsWith(PREFIX))
                        .map(k -> k.substring(PREFIX.length())).sorted().toList();
                seen.add(say.t("{0}: roles {1}", name, roles.isEmpty() ? "<none>" : String.join(",", roles)));
                if (roles.contains(role) != present) {
                    wrong.add(name);
                }
            }
            String evidence = ClusterCall.evidence(ctx, "GET /api/v1/nodes/{name}");
            String hint = present ? say.t("kubeadm labels the control plane itself; by hand: kubectl label node {0} {1}=",
                    String.join(" ", wrong), PREFIX + role)
                    : say.t("remove the label: kubectl label node {0} {1}-", String.join(" ", wrong), PREFIX + role);
            return wrong.isEmpty() ? CheckResult.pass(expected, String.join("; ", seen), evidence)
                    : CheckResult.fail(expected, String.join("; ", seen), evidence, hint);
        });
    }
}
