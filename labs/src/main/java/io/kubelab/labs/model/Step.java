package io.kubelab.labs.model;

import io.kubelab.labs.actions.Action;
import io.kubelab.labs.yaml.Location;
import java.util.List;

/**
 * One step of a lab: what the learner reads, what lab runs, how it is verified, and how the
 * learner is helped.
 *
 * @param body     the step's Markdown, per language
 * @param hints    graduated: each `hint` reveals one more
 * @param quiz     a chapter question, or null
 * @param optional not needed for the lab to be complete (a teardown)
 * @param confirm  asked (yes/no) before the step runs, because it destroys something; empty = not asked
 * @param points   what the whole step is worth when a class is graded (0: not given)
 */
public record Step(String id, Text title, Text body, List<Action> actions, List<CheckSpec> checks, List<Text> hints,
                   Text solution, Quiz quiz, boolean optional, Text confirm, int points, Location location) {

    public Step {
        actions = List.copyOf(actions);
        checks = List.copyOf(checks);
        hints = List.copyOf(hints);
    }

    public boolean isQuestion() {
        return quiz != null;
    }
}
