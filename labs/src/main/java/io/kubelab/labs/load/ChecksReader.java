package io.kubelab.labs.load;

import io.kubelab.checks.CheckKind;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.ParamProblem;
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

/** A step's {@code checks:}, each against its kind in the check registry (`lab checks` lists them). */
final class ChecksReader {
    static final Set<String> KEYS = Set.of("id", "kind", "on", "with", "title", "hint");

    private final CheckRegistry registry;
    private final Problems problems;

    ChecksReader(CheckRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
    }

    List<CheckSpec> read(YNode node) {
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
            out.add(check(new Fields(c, problems), n));
        }
        return out;
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
        return new CheckSpec(id, kind == null ? "" : kind, c.text("on", "local"), params,
                TextReader.read(c, "title", false), TextReader.read(c, "hint", false), c.location());
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
