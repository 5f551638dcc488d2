package io.kubelab.labs.load;

import io.kubelab.checks.CheckKind;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.ParamProblem;
import io.kubelab.labs.actions.Condition;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A step's {@code checks:}, each against its kind in the check registry (`lab checks` lists them);
 * and the lab's own {@code checks:}, written once and used in steps with {@code - use: id}.
 */
final class ChecksReader {
    static final Set<String> KEYS = Set.of("id", "kind", "on", "with", "title", "hint", "if", "points",
            "prerequisite");
    static final String USE = "use";

    private final CheckRegistry registry;
    private final Problems problems;
    private final Set<String> used = new java.util.LinkedHashSet<>();

    ChecksReader(CheckRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
    }

    /** The lab's shared checks, by id: each must have its own id, as steps name it. */
    Map<String, CheckSpec> readShared(YNode node) {
        Map<String, CheckSpec> out = new LinkedHashMap<>();
        if (!Fields.isNull(node) && node instanceof YNode.YList list) {
            for (YNode item : list.items()) {
                if (item instanceof YNode.YMap m && !m.has("id")) {
                    problems.error(m.location(), "a check under the lab's checks: needs an id, which steps use: it by");
                }
            }
        }
        for (CheckSpec c : read(node, Map.of())) {
            if (out.putIfAbsent(c.id(), c) != null) {
                problems.error(c.location(), "duplicate check id '" + c.id() + "' in the lab's checks:");
            }
        }
        return out;
    }

    /** A step's checks; {@code - use: id} takes one of {@code shared} as it is written there. */
    List<CheckSpec> read(YNode node, Map<String, CheckSpec> shared) {
        List<CheckSpec> out = new ArrayList<>();
        if (Fields.isNull(node)) {
            return out;
        }
        if (!(node instanceof YNode.YList list)) {
            problems.error(node.location(), "checks must be a list (- id: ..., kind: ...)");
            return out;
        }
        int n = 0;
        for (YNode item : list.items()) {
            n++;
            if (!(item instanceof YNode.YMap c)) {
                problems.error(item.location(), "a check must be a map with id and kind");
                continue;
            }
            if (c.has(USE)) {
                use(new Fields(c, problems), shared).ifPresent(out::add);
                continue;
            }
            out.add(check(new Fields(c, problems), n));
        }
        return out;
    }

    private Optional<CheckSpec> use(Fields c, Map<String, CheckSpec> shared) {
        c.only(Set.of(USE, "prerequisite"), "in a check that uses a shared one (write changes in the lab's checks:)");
        String id = c.text(USE);
        if (id == null) {
            return Optional.empty();
        }
        CheckSpec found = shared.get(id);
        if (found == null) {
            problems.error(c.at(USE), "no check '" + id + "' under the lab's checks:; "
                    + (shared.isEmpty() ? "write it there with its id" : Suggest.fix(id, shared.keySet())));
            return Optional.empty();
        }
        used.add(id);
        if (c.has("prerequisite")) {
            // Where a step relies on a shared check another step makes true: {use: node-ready, prerequisite: true}.
            return Optional.of(found.withPrerequisite(c.bool("prerequisite")));
        }
        return Optional.of(found);
    }

    /** The shared checks some step used, so that one no step uses is reported. */
    Set<String> used() {
        return java.util.Collections.unmodifiableSet(used);
    }

    private CheckSpec check(Fields c, int n) {
        c.only(KEYS, "in a check");
        String kind = c.required("kind", "the check's kind; `lab checks` lists them");
        String id = c.text("id", kind + "-" + n);
        Map<String, Object> params = new LinkedHashMap<>();
        YNode.YMap with = null;
        if (c.has("with")) {
            if (c.node("with") instanceof YNode.YMap m) {
                with = m;
                m.entries().values().forEach(e -> {
                    params.put(e.key(), e.value().toPlain());
                    rememberTemplated(e.value());
                });
            } else {
                problems.error(c.at("with"), "with must be a map of the check's parameters");
            }
        }
        if (kind != null) {
            validate(kind, c, with, params);
        }
        Condition when = null;
        if (c.has("if")) {
            when = Condition.parse(c.text("if")).orElse(null);
            if (when == null) {
                problems.error(c.at("if"), "if must compare a variable with a value, e.g. if: \"{{type}} == regional\", "
                        + "or the size of a group with a number, e.g. if: \"kube_control_plane >= 3\"");
            } else if (when.onVariable()) {
                problems.templated("{{" + when.subject() + "}}", c.at("if")); // an undeclared variable is named
            }
        }
        return new CheckSpec(id, kind == null ? "" : kind, c.text("on", "local"), params,
                TextReader.read(c, "title", false), TextReader.read(c, "hint", false), when, points(c),
                c.bool("prerequisite"), c.location());
    }

    /** points: a whole number of at least 0 (what a grader gives for the check passing). */
    static int points(Fields f) {
        int points = f.integer("points", 0);
        if (points < 0) {
            f.problems().error(f.at("points"), "points must be 0 or more");
            return 0;
        }
        return points;
    }

    /** Every problem the kind finds in its parameters, at the parameter it names (else at with:). */
    private void validate(String kindName, Fields c, YNode.YMap with, Map<String, Object> params) {
        Optional<CheckKind> found = registry.find(kindName);
        if (found.isEmpty()) {
            problems.error(c.at("kind"), "unknown check kind '" + kindName + "'; "
                    + Suggest.fix(kindName, registry.names()) + " (`lab checks` lists them all)");
            return;
        }
        Location whole = with != null ? with.location() : c.location();
        for (ParamProblem p : found.get().problems(params)) {
            Location at = p.param() != null && with != null && with.has(p.param())
                    ? with.entries().get(p.param()).keyLocation() : whole;
            String message = p.reason() == ParamProblem.Reason.UNKNOWN
                    ? "check '" + kindName + "' has no parameter '" + p.param() + "'; "
                    + Suggest.fix(p.param(), found.get().paramNames())
                    : p.message();
            problems.error(at, message);
        }
    }

    private void rememberTemplated(YNode node) {
        if (node instanceof YNode.YScalar s) {
            problems.templated(s.text(), s.location());
        } else if (node instanceof YNode.YList l) {
            l.items().forEach(this::rememberTemplated);
        } else if (node instanceof YNode.YMap m) {
            m.entries().values().forEach(e -> rememberTemplated(e.value()));
        }
    }
}
