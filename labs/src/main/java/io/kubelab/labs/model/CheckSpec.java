package io.kubelab.labs.model;

import io.kubelab.labs.actions.Condition;
import io.kubelab.labs.yaml.Location;
import java.util.Map;

/**
 * A check as a step declares it.
 *
 * @param id     unique within the step; shown in reports and used by {@code unless:}
 * @param kind   the check's name in the registry (`lab checks` lists them)
 * @param on     where a host check runs ("local", a host, a group); ignored by cluster checks
 * @param params parameters, which may use {{variables}}
 * @param hint   the author's hint, shown instead of the check's own when it does not pass
 * @param when   {@code if:} the check applies only then (the cluster type the learner chose), or null
 * @param points what passing it is worth when a class is graded (0: the lab scores whole steps)
 * @param prerequisite it may pass before its step runs (the step relies on it, it does not make it
 *                     true), so `lab test` does not require it to fail first
 */
public record CheckSpec(String id, String kind, String on, Map<String, Object> params, Text title, Text hint,
                        Condition when, int points, boolean prerequisite, Location location) {

    public CheckSpec {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** The same check with other parameters (a grader's: the learner's kubeconfig). */
    public CheckSpec withParams(Map<String, Object> other) {
        return new CheckSpec(id, kind, on, other, title, hint, when, points, prerequisite, location);
    }

    /** The same check, a prerequisite here or not (a step's {@code - {use: ID, prerequisite: true}}). */
    public CheckSpec withPrerequisite(boolean is) {
        return new CheckSpec(id, kind, on, params, title, hint, when, points, is, location);
    }
}
