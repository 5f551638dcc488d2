package io.kubelab.labs.actions;

import static io.kubelab.labs.actions.Key.optional;
import static io.kubelab.labs.actions.Key.required;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.Shell;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a shell command.
 *
 * @param creates   skip the command on a node where this path already exists (idempotence guard)
 * @param unless    skip it when these checks of the same step already pass (idempotence guard)
 * @param capture   variable name to a pattern; group 1 (or the whole match) of the output becomes its value
 * @param sudo      run as root (sudo where the login user is not root)
 * @param unlessSet skip it when these variables already have values (e.g. a join command to recover)
 * @param when      run it only when this holds (by the size of a group), or null
 */
public record RunAction(String command, String on, Duration timeout, String creates, List<String> unless,
                        Map<String, Pattern> capture, boolean sudo, List<String> unlessSet, Condition when,
                        Location location) implements Action {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration GUARD_TIMEOUT = Duration.ofSeconds(20);

    public static final ActionKind KIND = new ActionKind("run", "runs a shell command on each node, output streamed",
            List.of(required("run", Key.Type.TEXT, "the shell command; {{variables}} are filled in"),
                    optional("on", Key.Type.TEXT, "local (default), a host, or an inventory group"),
                    optional("timeout", Key.Type.DURATION, "when to end it, e.g. 30s, 10m (default 10m)"),
                    optional("creates", Key.Type.TEXT, "skip it on a node where this path already exists"),
                    optional("unless", Key.Type.LIST, "skip it when these checks of the step already pass"),
                    optional("capture", Key.Type.PATTERNS,
                            "variable: pattern (group 1, or the whole match, of the output becomes the value), "
                                    + "or a list of variables found by their own pattern:"),
                    optional("sudo", Key.Type.BOOLEAN, "run as root (sudo where the login user is not root)"),
                    optional("unless_set", Key.Type.LIST, "skip it when these variables already have values"),
                    optional("if", Key.Type.CONDITION,
                            "run only when a group has so many hosts, e.g. \"kube_control_plane >= 3\", or a variable has a "
                                    + "value, e.g. \"{{type}} == regional\"")),
            """
            run: kubeadm init --pod-network-cidr={{pod_cidr}}
            on: kube_control_plane[0]
            sudo: true
            timeout: 15m
            creates: /etc/kubernetes/admin.conf""",
            RunAction::from);

    public RunAction {
        unless = List.copyOf(unless);
        capture = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(capture));
        unlessSet = List.copyOf(unlessSet);
    }

    static RunAction from(ActionFields in) {
        Fields f = in.fields();
        f.only(KIND.keyNames(), "in a run action");
        String command = f.text("run");
        if (command == null || command.isBlank()) {
            f.problems().error(f.at("run"), "run needs the command to run");
            command = "";
        }
        List<String> unless = f.texts("unless");
        for (String id : unless) {
            if (!in.stepChecks().contains(id)) {
                f.problems().error(f.at("unless"), "unless names check '" + id + "', which this step does not have; "
                        + (in.stepChecks().isEmpty() ? "add it under checks:" : Suggest.fix(id, in.stepChecks())));
            }
        }
        Map<String, Pattern> capture = captures(f, in);
        List<String> unlessSet = f.texts("unless_set");
        for (String v : unlessSet) {
            if (!in.variables().contains(v)) {
                f.problems().error(f.at("unless_set"), "unless_set names '" + v + "', which is not declared under variables:");
            }
        }
        Condition when = Condition.read(in);
        return new RunAction(command, f.text("on", "local"), f.duration("timeout", DEFAULT_TIMEOUT), f.text("creates"),
                unless, capture, f.bool("sudo"), unlessSet, when, f.location());
    }

    /**
     * {@code capture: {name: 'pattern'}}, or {@code capture: [name, ...]} to find each variable's
     * own pattern in the output, so that a value's shape is written once, under variables:.
     */
    private static Map<String, Pattern> captures(Fields f, ActionFields in) {
        Map<String, Pattern> capture = new LinkedHashMap<>();
        if (!f.has("capture")) {
            return capture;
        }
        if (f.node("capture") instanceof YNode.YMap map) {
            for (YNode.Entry e : map.entries().values()) {
                Pattern p = Fields.pattern(e.value(), f.problems());
                if (p != null) {
                    capture.put(e.key(), p);
                }
                declaredOrProblem(e.key(), f, in);
            }
        } else if (f.node("capture") instanceof YNode.YList) {
            for (String name : f.texts("capture")) {
                if (declaredOrProblem(name, f, in)) {
                    Optional<Pattern> own = in.patternOf(name);
                    if (own.isPresent()) {
                        capture.put(name, own.get());
                    } else {
                        f.problems().error(f.at("capture"), "capture names '" + name + "', which has no pattern: "
                                + "to find it in the output; give the variable a pattern, or write "
                                + "capture: {" + name + ": 'pattern'}");
                    }
                }
            }
        } else {
            f.problems().error(f.at("capture"), "capture must be a map of variable: 'pattern' (group 1 becomes the "
                    + "value), or a list of variables whose own pattern: is found in the output");
        }
        return capture;
    }

    private static boolean declaredOrProblem(String name, Fields f, ActionFields in) {
        if (in.variables().contains(name)) {
            return true;
        }
        f.problems().error(f.location(), "capture sets '" + name + "', which is not declared under "
                + "variables: (declare it, with secret: true if it holds a token)");
        return false;
    }

    @Override
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>(Template.references(command));
        names.addAll(Template.references(creates));
        if (when != null && when.onVariable()) {
            names.add(when.subject());
        }
        return names;
    }

    @Override
    public Set<String> sets() {
        return capture.keySet();
    }

    @Override
    public String describe(Render render) {
        return render.shell(command);
    }

    @Override
    public Optional<Condition> condition() {
        return Optional.ofNullable(when);
    }

    @Override
    public Optional<String> skip(ActionContext ctx) {
        if (!unlessSet.isEmpty() && unlessSet.stream().allMatch(ctx::has)) {
            return Optional.of(String.join(", ", unlessSet.stream().map(v -> "{{" + v + "}}").toList()) + " already known");
        }
        if (!unless.isEmpty() && ctx.checksPass(unless)) {
            return Optional.of("checks " + String.join(", ", unless) + " already pass");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> skipOn(Node node, ActionContext ctx) throws HostUnreachableException {
        if (creates == null) {
            return Optional.empty();
        }
        String path = ctx.render(node).text(creates);
        ExecResult exists = node.exec(ExecRequest.of("test -e " + Shell.quote(path), GUARD_TIMEOUT)
                .withCancellation(ctx.cancellation()).asRoot(sudo));
        return exists.ok() ? Optional.of(path + " already exists") : Optional.empty();
    }

    @Override
    public String plan(Node node, ActionContext ctx) {
        List<String> notes = new ArrayList<>();
        if (creates != null) {
            notes.add("skipped where " + ctx.render(node).text(creates) + " exists");
        } else if (!unless.isEmpty()) {
            notes.add("skipped when checks " + String.join(", ", unless) + " pass");
        }
        if (!capture.isEmpty()) {
            notes.add("captures " + String.join(", ", capture.keySet()));
        }
        return String.join("; ", notes);
    }

    @Override
    public NodeRun runOn(Node node, ActionContext ctx) throws HostUnreachableException {
        ExecResult r = node.exec(new ExecRequest(ctx.render(node).shell(command), timeout, ctx.output(node),
                ctx.cancellation(), sudo));
        return new NodeRun(NodeOutcome.of(node.name(), r, timeout), r.output());
    }

    /** Sets each captured variable from the first node whose output matches. */
    @Override
    public Optional<String> finish(List<NodeRun> runs, ActionContext ctx) {
        boolean ran = runs.stream().anyMatch(r -> r.output() != null);
        for (Map.Entry<String, Pattern> c : capture.entrySet()) {
            Optional<String> value = runs.stream().map(NodeRun::output).filter(o -> o != null)
                    .map(o -> c.getValue().matcher(o)).filter(Matcher::find).findFirst().map(RunAction::captured);
            if (value.isPresent()) {
                ctx.capture(c.getKey(), value.get());
            } else if (ran) {
                return Optional.of("the output had nothing matching /" + c.getValue().pattern() + "/ to set "
                        + c.getKey() + " from; read the output above");
            }
        }
        return Optional.empty();
    }

    /** Group 1, or the whole match; a command printed over several lines ("\" then an indent) is one line. */
    private static String captured(Matcher m) {
        String v = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
        return v.replaceAll("\\s*\\\\\\s*\\n\\s*", " ").strip();
    }
}
