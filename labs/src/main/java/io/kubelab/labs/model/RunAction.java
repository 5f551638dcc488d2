package io.kubelab.labs.model;

import io.kubelab.labs.yaml.Location;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a shell command.
 *
 * @param creates skip the command on a host where this path already exists (idempotence guard)
 * @param unless  skip it when these checks of the same step already pass (idempotence guard)
 * @param capture variable name to a pattern; group 1 (or the whole match) of the output becomes its value
 * @param sudo    run as root on hosts where the login user is not root
 * @param unlessSet skip it when these variables already have values (e.g. a join command to recover)
 * @param when    run it only when this holds (by the size of a group), or null
 */
public record RunAction(String command, String on, Duration timeout, String creates, List<String> unless,
                        Map<String, Pattern> capture, boolean sudo, List<String> unlessSet, Condition when,
                        Location location) implements Action {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public RunAction {
        unless = List.copyOf(unless);
        capture = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(capture));
        unlessSet = List.copyOf(unlessSet);
    }
}
