package io.kubelab.labs.actions;

import io.kubelab.labs.yaml.Fields;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an action kind reads itself from: the fields of its map in lab YAML, and what it may refer
 * to in its step (check ids for {@code unless:}) and lab (declared variables for {@code capture:}).
 */
public record ActionFields(Fields fields, Set<String> stepChecks, Set<String> variables) {

    public ActionFields {
        stepChecks = Collections.unmodifiableSet(new LinkedHashSet<>(stepChecks)); // in the order written
        variables = Collections.unmodifiableSet(new LinkedHashSet<>(variables));
    }
}
