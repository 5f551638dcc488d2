package io.kubelab.labs.actions;

import io.kubelab.labs.nodes.Node;
import java.time.Duration;
import java.time.Instant;

/** How a file copy to or from a node ended: done, or failed with the reason in words. */
final class Transfers {
    private Transfers() {
    }

    static NodeOutcome done(Node node, Instant started) {
        return new NodeOutcome(node.name(), NodeOutcome.Result.DONE, null, since(started), "", "");
    }

    static NodeOutcome failed(Node node, Instant started, Exception e) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        return new NodeOutcome(node.name(), NodeOutcome.Result.FAILED, null, since(started), why, "");
    }

    private static Duration since(Instant started) {
        return Duration.between(started, Instant.now());
    }
}
