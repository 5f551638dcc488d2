package io.kubelab.labs.actions;

/**
 * How an action ended on one node, and the command's whole output, kept only until the action's
 * {@link Action#finish} has read it (captures): it may hold secrets, so it is never stored.
 */
public record NodeRun(NodeOutcome outcome, String output) {

    public static NodeRun of(NodeOutcome outcome) {
        return new NodeRun(outcome, null);
    }
}
