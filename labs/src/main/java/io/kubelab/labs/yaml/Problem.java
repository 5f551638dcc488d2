package io.kubelab.labs.yaml;

import io.kubelab.labs.yaml.Location;

/**
 * One thing wrong (or worth fixing) in lab content, printed as
 * {@code file:line:column: error: what is wrong; what to write instead}.
 */
public record Problem(Severity severity, Location location, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
