package io.kubelab.labs.load;

import io.kubelab.labs.model.Text;
import io.kubelab.labs.model.Variable;
import io.kubelab.labs.values.Generator;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.YNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code variables:} of a lab: {@code name: default}, or {@code name: {default, secret, prompt, ...}},
 * or {@code name: {value: "{{other}}/file"}} for a value computed from others.
 */
final class VariablesReader {
    static final Set<String> KEYS = Set.of("default", "description", "prompt", "secret", "pattern", "choices",
            "generate", "value", "supported");
    static final Set<String> SUPPORTED_KEYS = Set.of("values", "as_of", "unless");
    /** What a computed variable cannot have: it is never set, asked for, made or kept secret. */
    private static final List<String> NOT_WITH_VALUE = List.of("default", "prompt", "secret", "pattern", "choices",
            "generate", "supported");

    private VariablesReader() {
    }

    static Map<String, Variable> read(YNode node, Problems problems) {
        Map<String, Variable> out = new LinkedHashMap<>();
        if (Fields.isNull(node)) {
            return out;
        }
        if (!(node instanceof YNode.YMap vars)) {
            problems.error(node.location(), "variables must be a map of name: {default: ..., secret: ...}");
            return out;
        }
        for (YNode.Entry e : vars.entries().values()) {
            String name = e.key();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.error(e.keyLocation(), "variable name '" + name + "' must be letters, digits and _ (used as {{"
                        + name + "}})");
            }
            if (e.value() instanceof YNode.YMap def) {
                out.put(name, variable(name, new Fields(def, problems)));
            } else {
                // name: value is a short form for a default; name: (nothing) is a variable without one.
                String value = Fields.isNull(e.value()) ? null
                        : Fields.scalar(e.value(), "the default value of " + name, problems);
                out.put(name, new Variable(name, value, Text.EMPTY, Text.EMPTY, false, null, List.of(), null));
            }
        }
        return out;
    }

    private static Variable variable(String name, Fields f) {
        f.only(KEYS, "in variable '" + name + "'");
        String dflt = f.text("default");
        Pattern pattern = f.pattern("pattern");
        List<String> choices = f.texts("choices");
        Generator generator = null;
        if (f.has("generate")) {
            String g = f.text("generate");
            generator = g == null ? null : Generator.byWord(g).orElse(null);
            if (g != null && generator == null) { // not a text at all is said by f.text
                f.problems().error(f.at("generate"), "unknown generator '" + g + "'; "
                        + Suggest.fix(g, Arrays.stream(Generator.values()).map(Generator::word).toList()));
            }
        }
        if (dflt != null && pattern != null && !pattern.matcher(dflt).matches()) {
            f.problems().error(f.at("default"), "default '" + dflt + "' does not match pattern " + pattern.pattern());
        }
        if (dflt != null && !choices.isEmpty() && !choices.contains(dflt)) {
            f.problems().error(f.at("default"), "default '" + dflt + "' is not one of the choices " + choices);
        }
        boolean secret = f.bool("secret");
        if (secret && dflt != null) {
            f.problems().error(f.at("default"), "a secret variable cannot have a default written in the lab; "
                    + "use generate: or prompt: instead");
        }
        String computed = f.text("value");
        if (computed != null) {
            NOT_WITH_VALUE.stream().filter(f::has).findFirst().ifPresent(k -> f.problems().error(f.at(k),
                    "variable '" + name + "' is computed (value:), so it cannot have " + k + ":; "
                            + "give the variables its value is made of their own " + k + ":"));
        }
        Variable.Supported supported = f.has("supported") ? supported(name, dflt, pattern, choices, f) : null;
        return new Variable(name, dflt, TextReader.read(f, "description", false), TextReader.read(f, "prompt", false),
                secret, pattern, choices, generator, computed, supported);
    }

    /** {@code supported: {values: [...], as_of: 2026-11, unless: allow_unsupported}}: the default must be one. */
    private static Variable.Supported supported(String name, String dflt, Pattern pattern, List<String> choices,
                                                Fields variable) {
        Fields f = variable.fields("supported", "{values: [\"1.34\", \"1.35\"], as_of: 2026-11, unless: allow_unsupported}");
        f.only(SUPPORTED_KEYS, "in supported: of variable '" + name + "'");
        List<String> values = f.texts("values");
        String asOf = f.required("as_of", "when the list was last checked, e.g. as_of: 2026-11");
        String unless = f.required("unless", "the variable that lets a learner use another value anyway, "
                + "e.g. unless: allow_unsupported");
        if (values.isEmpty()) {
            f.problems().error(f.location(), "supported: needs values: the values supported today");
        }
        for (String v : values) {
            if (pattern != null && !pattern.matcher(v).matches()) {
                f.problems().error(f.at("values"), "supported value '" + v + "' does not match pattern " + pattern.pattern());
            }
            if (!choices.isEmpty() && !choices.contains(v)) {
                f.problems().error(f.at("values"), "supported value '" + v + "' is not one of the choices " + choices);
            }
        }
        if (dflt != null && !values.isEmpty() && !values.contains(dflt)) {
            variable.problems().error(variable.at("default"), "default '" + dflt + "' of " + name
                    + " is not supported (supported as of " + asOf + ": " + String.join(", ", values)
                    + "); make the default one of them");
        }
        return new Variable.Supported(values, asOf == null ? "" : asOf, unless == null ? "" : unless);
    }
}
