package io.kubelab.labs.actions;

import io.kubelab.labs.yaml.Fields;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an action kind reads itself from: the fields of its map in lab YAML, and what it may refer
 * to in its step (check ids for {@code unless:}) and lab (declared variables and their patterns, for {@code capture:}).
 */
public record ActionFields(Fields fields, Set<String> stepChecks, Map<String, Optional<Pattern>> declared) {

    public ActionFields {
        stepChecks = Collections.unmodifiableSet(new LinkedHashSet<>(stepChecks)); // in the order written
        declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
    }

    /** The lab's declared variables. */
    public Set<String> variables() {
        return declared.keySet();
    }

    /** The pattern a declared variable's values must match, if it has one. */
    public Optional<Pattern> patternOf(String variable) {
        return declared.getOrDefault(variable, Optional.empty());
    }
}
