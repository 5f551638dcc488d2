package io.kubelab.labs.actions;

import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.yaml.Location;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Something a step does to the learner's environment, on the nodes its {@code on:} names. Each
 * kind is one record implementing this, and one entry of {@link ActionRegistry}; the runner only
 * orchestrates (which nodes, in parallel, announced, recorded) and asks the action the rest.
 */
public interface Action {

    /** Where it runs: "local", a host, a group, or part of a group. */
    String on();

    Location location();

    /** Every {@code {{variable}}} its text refers to (built-ins included). */
    Set<String> references();

    /** Inventory groups it reads besides {@code on:} (certificates for each node of a group), so it needs an inventory. */
    default Set<String> groups() {
        return Set.of();
    }

    /**
     * The variables whose values lab keeps on disk after it runs (the cloud ledger keeps a created
     * resource's names and its describe and delete commands, filled in): never a secret's, which
     * would be stored in the clear.
     */
    default Set<String> kept() {
        return Set.of();
    }

    /** The variables it gives values to when it runs (a command's {@code capture:}). */
    default Set<String> sets() {
        return Set.of();
    }

    /**
     * The action in one line, the same in `show`, in a dry run and when it starts: the command
     * itself, or "copy config.toml -> /etc/containerd/config.toml (0644, root)".
     *
     * @param render fills in {@code {{variables}}}: for one node, or before any node is chosen
     */
    String describe(Render render);

    /**
     * The condition it runs under ({@code if: "kube_control_plane >= 3"}, {@code if: "{{type}} == regional"}),
     * if any. The runner checks it before anything else, for every kind alike.
     */
    default Optional<Condition> condition() {
        return Optional.empty();
    }

    /** Why it does not run at all this time (its work is already done), or empty; its condition is checked before. */
    default Optional<String> skip(ActionContext ctx) {
        return Optional.empty();
    }

    /** Why it does not run on this node (its work there is already done), or empty. */
    default Optional<String> skipOn(Node node, ActionContext ctx) throws HostUnreachableException {
        return Optional.empty();
    }

    /** What a dry run says beside it on a node: when it would be skipped, what it captures; "" for nothing. */
    default String plan(Node node, ActionContext ctx) {
        return "";
    }

    /** Does the work on one node. */
    NodeRun runOn(Node node, ActionContext ctx) throws HostUnreachableException;

    /** After it ran on every node without failing: a problem in words (a capture found nothing), or empty. */
    default Optional<String> finish(List<NodeRun> runs, ActionContext ctx) {
        return Optional.empty();
    }
}
