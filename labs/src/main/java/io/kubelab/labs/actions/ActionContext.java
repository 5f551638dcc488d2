package io.kubelab.labs.actions;

import io.kubelab.checks.host.Cancellation;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.cloud.Ledger;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.values.Render;
import java.nio.file.Path;
import java.util.List;

/** What an action may ask of the step it runs in; the runner answers. */
public interface ActionContext {

    /** Fills in {@code {{variables}}} and {@code {{host.*}}} for {@code node}. */
    Render render(Node node);

    /** The lab's work folder on this machine: where files lab writes here go. */
    Path workFolder();

    /** Whether a variable has a value. */
    boolean has(String variable);

    /** A variable's value, if it has one. */
    java.util.Optional<String> value(String variable);

    /** Gives a variable a value read from output (shown to the learner masked when secret). */
    void capture(String variable, String value);

    /** The nodes a target names: "local", a host, a group, or part of a group (certificates for each worker). */
    List<Node> nodes(String target);

    /** How many nodes an inventory group has (0 without an inventory). */
    int count(String group);

    /** Whether these checks of the step already pass (a guard: the work is done). */
    boolean checksPass(List<String> checkIds);

    /** Ctrl-C: the action's commands end when this is cancelled. */
    Cancellation cancellation();

    /** Where a command's output goes, line by line (redacted, prefixed by the node when not local). */
    OutputListener output(Node node);

    /** The learner's language ("en" or "zh-CN"), for what an action itself says (not its commands' output). */
    String language();

    /** The lab's id, as the cloud ledger records what it creates under. */
    String labId();

    /** The cloud resources on record (what lab creates in the learner's cloud accounts). */
    Ledger ledger();

    /** Something the learner should know that is not a command's output (a resource recorded, taken off the record). */
    void note(String message);
}
