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

/** The {@code variables:} of a lab: {@code name: default}, or {@code name: {default, secret, prompt, ...}}. */
final class VariablesReader {
    static final Set<String> KEYS = Set.of("default", "description", "prompt", "secret", "pattern", "choices",
            "generate");

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
            generator = Generator.byWord(g).orElse(null);
            if (generator == null) {
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
        return new Variable(name, dflt, TextReader.read(f, "description", false), TextReader.read(f, "prompt", false),
                secret, pattern, choices, generator);
    }
}
