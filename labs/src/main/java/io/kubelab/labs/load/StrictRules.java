package io.kubelab.labs.load;

import io.kubelab.labs.actions.Action;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.model.Variable;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What `lab validate --strict` asks of a lab beyond loading: that a learner can always see whether
 * a step worked and what to do when it did not. Every step has a check (a question is its own), every
 * check a hint of the author's in both languages, a step with nothing to run a solution, and every
 * declared variable is used somewhere. (Missing translations, warnings when loading, are errors
 * under --strict: the caller decides that.)
 */
public final class StrictRules {
    private StrictRules() {
    }

    public static List<Problem> check(Lab lab, Location labFile) {
        List<Problem> out = new ArrayList<>();
        Set<Location> hintless = new java.util.HashSet<>(); // a shared check is named once, where it is written
        for (Step s : lab.steps()) {
            Location at = s.location() == null ? labFile : s.location();
            if (!s.isQuestion() && s.checks().isEmpty()) {
                out.add(error(at, "step '" + s.id() + "' has no check: a learner cannot see that it worked; add one "
                        + "under checks:"));
            }
            if (s.actions().isEmpty() && !s.isQuestion() && s.solution().isEmpty()) {
                out.add(error(at, "step '" + s.id() + "' runs nothing and has no solution: write the commands a learner "
                        + "types under solution: {en: ..., zh-CN: ...}"));
            }
            for (CheckSpec c : s.checks()) {
                if (!bothLanguages(c.hint()) && (c.location() == null || hintless.add(c.location()))) {
                    out.add(error(c.location() == null ? at : c.location(), "check '" + c.id() + "' of step '" + s.id()
                            + "' has no hint in English and Chinese: say what to do when it fails, hint: {en: ..., "
                            + "zh-CN: ...}"));
                }
            }
        }
        Set<String> used = used(lab);
        for (Variable v : lab.variables().values()) {
            if (!used.contains(v.name())) {
                out.add(error(labFile, "variable '" + v.name() + "' is declared but nothing uses it; use it or remove it"));
            }
        }
        return out;
    }

    private static boolean bothLanguages(Text t) {
        return Text.LANGUAGES.stream().allMatch(l -> !t.byLanguage().getOrDefault(l, "").isBlank());
    }

    /** Every variable something of the lab refers to: actions, checks, texts, other variables, conditions. */
    private static Set<String> used(Lab lab) {
        Set<String> names = new LinkedHashSet<>();
        List<Text> texts = new ArrayList<>(List.of(lab.title(), lab.summary()));
        for (Step s : lab.steps()) {
            for (Action a : s.actions()) {
                names.addAll(a.references());
            }
            for (CheckSpec c : s.checks()) {
                c.params().values().forEach(v -> names.addAll(Template.references(String.valueOf(v))));
                texts.add(c.title());
                texts.add(c.hint());
                if (c.when() != null && c.when().onVariable()) {
                    names.add(c.when().subject());
                }
            }
            texts.addAll(List.of(s.title(), s.body(), s.solution(), s.confirm()));
            texts.addAll(s.hints());
        }
        for (Variable v : lab.variables().values()) {
            if (v.isComputed()) {
                names.addAll(Template.references(v.computed()));
            }
            if (v.supported() != null && v.supported().unless() != null) {
                names.add(v.supported().unless());
            }
        }
        texts.forEach(t -> t.byLanguage().values().forEach(x -> names.addAll(Template.references(x))));
        return names;
    }

    private static Problem error(Location at, String message) {
        return new Problem(Problem.Severity.ERROR, at, message);
    }
}
