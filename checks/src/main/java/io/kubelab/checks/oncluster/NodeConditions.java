package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.Optional;

/** Reads a Node's Ready condition as `kubectl get nodes` shows it. */
final class NodeConditions {
    private NodeConditions() {
    }

    static Optional<NodeCondition> ready(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }

    static boolean isReady(Node node) {
        return ready(node).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** "Ready=False (KubeletNotReady: container runtime network not ready)" */
    static String describe(Node node) {
        return ready(node).map(c -> "Ready=" + c.getStatus()
                        + (c.getReason() == null ? "" : " (" + c.getReason()
                        + (c.getMessage() == null || c.getMessage().isBlank() ? "" : ": " + c.getMessage()) + ")"))
                .orElse("no Ready condition yet");
    }
}
