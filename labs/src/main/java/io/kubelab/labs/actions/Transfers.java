package io.kubelab.labs.actions;

import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.nodes.Node;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * A file copied to or from a node, timed: done, or failed with the reason in words. A node that
 * cannot be reached is left to the runner, which reports it as unreachable.
 */
final class Transfers {
    private Transfers() {
    }

    /** The copy itself. */
    @FunctionalInterface
    interface Copy {
        void run() throws IOException, HostUnreachableException;
    }

    static NodeRun timed(Node node, Copy copy) throws HostUnreachableException {
        Instant started = Instant.now();
        try {
            copy.run();
            return NodeRun.of(new NodeOutcome(node.name(), NodeOutcome.Result.DONE, null, since(started), "", ""));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return NodeRun.of(new NodeOutcome(node.name(), NodeOutcome.Result.FAILED, null, since(started), why, ""));
        }
    }

    private static Duration since(Instant started) {
        return Duration.between(started, Instant.now());
    }
}
