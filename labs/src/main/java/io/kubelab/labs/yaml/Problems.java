package io.kubelab.labs.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The problems found while reading one content file, so all of them can be reported at once, and
 * every text read that refers to {@code {{variables}}}, checked once all variables are known.
 */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();
    private final List<Map.Entry<String, Location>> templated = new ArrayList<>();

    public void error(Location at, String message) {
        found.add(new Problem(Problem.Severity.ERROR, at, message));
    }

    public void warning(Location at, String message) {
        found.add(new Problem(Problem.Severity.WARNING, at, message));
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** How many problems so far: a reader compares before and after to tell whether a part read clean. */
    public int count() {
        return found.size();
    }

    /** Remembers a text that refers to variables, with where it was written. */
    public void templated(String text, Location at) {
        if (text != null && text.contains("{{")) {
            templated.add(Map.entry(text, at));
        }
    }

    public List<Map.Entry<String, Location>> templated() {
        return List.copyOf(templated);
    }

    /** Every problem, in file order. */
    public List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(found);
        out.sort(Comparator.comparing((Problem p) -> p.location().file()).thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return out;
    }
}
