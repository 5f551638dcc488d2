package io.kubelab.labs.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learner's progress in one lab, as stored. Never holds a secret value: only variables that
 * are not secret are kept, so a token is asked for or recovered again after a restart.
 *
 * @param current   the step the learner is on
 * @param variables non-secret variable values set or captured so far
 * @param settings  remembered choices that are not variables (e.g. the inventory file)
 */
public record Progress(int format, String lab, String current, Map<String, StepProgress> steps,
                       Map<String, String> variables, Map<String, String> settings, Instant updated) {

    public static final int FORMAT = 1;

    public Progress {
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps == null ? Map.of() : steps));
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables == null ? Map.of() : variables));
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
    }

    public static Progress start(String lab, String firstStep) {
        return new Progress(FORMAT, lab, firstStep, Map.of(), Map.of(), Map.of(), Instant.now());
    }

    /** The same record of the learner's work, whenever it was written. */
    public boolean sameAs(Progress other) {
        return other != null && format == other.format && java.util.Objects.equals(lab, other.lab)
                && java.util.Objects.equals(current, other.current) && steps.equals(other.steps)
                && variables.equals(other.variables) && settings.equals(other.settings);
    }

    public StepProgress step(String id) {
        return steps.getOrDefault(id, StepProgress.NEW);
    }

    public Progress withCurrent(String stepId) {
        return new Progress(format, lab, stepId, steps, variables, settings, Instant.now());
    }

    public Progress withStep(String id, StepProgress p) {
        Map<String, StepProgress> m = new LinkedHashMap<>(steps);
        m.put(id, p);
        return new Progress(format, lab, current, m, variables, settings, Instant.now());
    }

    public Progress withoutStep(String id) {
        Map<String, StepProgress> m = new LinkedHashMap<>(steps);
        m.remove(id);
        return new Progress(format, lab, current, m, variables, settings, Instant.now());
    }

    public Progress withVariables(Map<String, String> v) {
        return new Progress(format, lab, current, steps, v, settings, Instant.now());
    }

    public Progress withSetting(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(settings);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return new Progress(format, lab, current, steps, variables, m, Instant.now());
    }
}
