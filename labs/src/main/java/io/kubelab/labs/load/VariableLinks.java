package io.kubelab.labs.load;

import io.kubelab.labs.model.Variable;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What variables say about each other: a computed variable is not made of itself (directly or
 * through others), and the variable that lets a learner use an unsupported value exists and can
 * be set to "true".
 */
final class VariableLinks {
    private VariableLinks() {
    }

    static void check(Map<String, Variable> variables, Location at, Problems problems) {
        java.util.Set<String> inReportedCycle = new java.util.HashSet<>();
        for (Variable v : variables.values()) {
            if (v.isComputed() && !inReportedCycle.contains(v.name())) {
                List<String> path = new ArrayList<>(List.of(v.name()));
                if (cycle(v.name(), variables, path)) {
                    inReportedCycle.addAll(path);
                    problems.error(at, "variable '" + v.name() + "' is computed from itself: " + String.join(" → ", path)
                            + "; make one of them an ordinary variable");
                }
            }
            if (v.supported() != null && !v.supported().unless().isEmpty()) {
                Variable unless = variables.get(v.supported().unless());
                if (unless == null || unless.isComputed()
                        || (!unless.choices().isEmpty() && !unless.choices().contains("true"))) {
                    problems.error(at, "supported: of '" + v.name() + "' says unless: " + v.supported().unless()
                            + "; declare that variable (choices: [\"false\", \"true\"], default: \"false\")");
                }
            }
        }
    }

    /** Follows computed references from the end of {@code path}; true when it comes back to its start. */
    private static boolean cycle(String start, Map<String, Variable> variables, List<String> path) {
        Variable current = variables.get(path.get(path.size() - 1));
        if (current == null || !current.isComputed()) {
            return false;
        }
        for (String next : Template.references(current.computed())) {
            if (next.equals(start)) {
                path.add(next);
                return true;
            }
            if (!path.contains(next)) {
                path.add(next);
                if (cycle(start, variables, path)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }
}
