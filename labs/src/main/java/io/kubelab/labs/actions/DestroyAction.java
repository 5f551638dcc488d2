package io.kubelab.labs.actions;

import static io.kubelab.labs.actions.Key.optional;
import static io.kubelab.labs.actions.Key.required;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.cloud.CloudResource;
import io.kubelab.labs.cloud.Look;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes what the lab's create actions of one kind put on the cloud ledger, newest first, with
 * the delete command recorded then; a resource leaves the ledger only when its describe command
 * says it is gone. One still there (or that lab cannot look at) fails the action with how to
 * delete it by hand.
 */
public record DestroyAction(String kind, Duration timeout, Location location) implements Action {

    public static final ActionKind KIND = new ActionKind("destroy",
            "deletes the cloud resources of one kind this lab has on the ledger, and confirms they are gone",
            List.of(required("destroy", Key.Type.TEXT, "the kind a create action of this lab named: gke-cluster"),
                    optional("timeout", Key.Type.DURATION, "when to end each delete (default 30m)")),
            """
            destroy: gke-cluster
            timeout: 20m""",
            DestroyAction::from);

    static DestroyAction from(ActionFields in) {
        Fields f = in.fields();
        f.only(KIND.keyNames(), "in a destroy action");
        return new DestroyAction(f.required("destroy", "the kind of resource to delete"),
                f.duration("timeout", Duration.ofMinutes(30)), f.location());
    }

    @Override
    public String on() {
        return Nodes.LOCAL;
    }

    @Override
    public Set<String> references() {
        return Set.of();
    }

    @Override
    public String describe(Render render) {
        return "delete every " + kind + " of this lab on the cloud ledger";
    }

    private List<CloudResource> recorded(ActionContext ctx) {
        List<CloudResource> mine = new ArrayList<>(ctx.ledger().of(ctx.labId()).stream()
                .filter(r -> r.kind().equals(kind)).toList());
        java.util.Collections.reverse(mine); // newest first: what was made last may depend on what came before
        return mine;
    }

    @Override
    public Optional<String> skip(ActionContext ctx) {
        return recorded(ctx).isEmpty() ? Optional.of("no " + kind + " of this lab is on the cloud ledger")
                : Optional.empty();
    }

    @Override
    public String plan(Node node, ActionContext ctx) {
        List<CloudResource> mine = recorded(ctx);
        return mine.isEmpty() ? "nothing on the cloud ledger to delete" : "runs " + String.join("; ",
                mine.stream().map(CloudResource::delete).toList()) + "; then confirms each is gone";
    }

    @Override
    public NodeRun runOn(Node node, ActionContext ctx) throws HostUnreachableException {
        List<String> still = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        ExecResult last = null;
        for (CloudResource r : recorded(ctx)) {
            ctx.note("deleting " + r.what() + " (" + r.place() + "): " + r.delete());
            last = node.exec(new ExecRequest(r.delete(), timeout, ctx.output(node), ctx.cancellation(), false));
            output.append(last.output());
            if (last.outcome() == ExecResult.Outcome.CANCELLED) {
                return new NodeRun(NodeOutcome.of(node.name(), last, timeout), output.toString());
            }
            // A delete that fails because it was gone already is fine: only what describe says counts.
            Look look = CreateAction.look(node, r, ctx);
            if (look.gone()) {
                ctx.ledger().remove(r.id());
                ctx.note(r.what() + " is gone: off the cloud ledger");
            } else if (look.presence() == Look.Presence.THERE) {
                still.add(r.what() + " is still there (" + r.place() + "); delete it by hand: " + r.delete());
            } else {
                still.add("cannot tell whether " + r.what() + " is gone (" + r.place() + "): " + oneLine(look.said())
                        + "; it stays on the cloud ledger; delete it by hand: " + r.delete());
            }
        }
        if (last == null) {
            return NodeRun.of(NodeOutcome.skipped(node.name(), "nothing on the cloud ledger"));
        }
        if (!still.isEmpty()) {
            return new NodeRun(new NodeOutcome(node.name(), NodeOutcome.Result.FAILED, last.exitCode(), last.elapsed(),
                    String.join("; ", still), last.tail(20)), output.toString());
        }
        return new NodeRun(new NodeOutcome(node.name(), NodeOutcome.Result.DONE, 0, last.elapsed(), "", last.tail(20)),
                output.toString());
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
