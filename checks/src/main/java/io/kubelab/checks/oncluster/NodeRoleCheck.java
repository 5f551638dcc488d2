package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
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
        String expected = String.join(", ", nodes) + (present ? " with role " : " without role ") + role;
        if (nodes.isEmpty()) {
            return CheckResult.pass("no nodes to check", "none named (an empty group)", "");
        }
        return ClusterCall.run(ctx, expected, NodesReadyCheck.CALL, client -> {
            List<String> seen = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (String name : nodes) {
                Node node = client.nodes().withName(name).get();
                if (node == null) {
                    seen.add(name + ": not a cluster node");
                    wrong.add(name);
                    continue;
                }
                Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of()
                        : node.getMetadata().getLabels();
                List<String> roles = labels.keySet().stream().filter(k -> k.startsWith(PREFIX))
                        .map(k -> k.substring(PREFIX.length())).sorted().toList();
                seen.add(name + ": roles " + (roles.isEmpty() ? "<none>" : String.join(",", roles)));
                if (roles.contains(role) != present) {
                    wrong.add(name);
                }
            }
            String evidence = ClusterCall.evidence(ctx, "GET /api/v1/nodes/{name}");
            String hint = present ? "kubeadm labels the control plane itself; by hand: kubectl label node "
                    + String.join(" ", wrong) + " " + PREFIX + role + "="
                    : "remove the label: kubectl label node " + String.join(" ", wrong) + " " + PREFIX + role + "-";
            return wrong.isEmpty() ? CheckResult.pass(expected, String.join("; ", seen), evidence)
                    : CheckResult.fail(expected, String.join("; ", seen), evidence, hint);
        });
    }
}
