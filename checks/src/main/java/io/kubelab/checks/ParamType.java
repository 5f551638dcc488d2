package io.kubelab.checks;

import java.util.List;
import java.util.Map;

/**
 * The shape of a check parameter's value in lab YAML. A COMMAND is a text run by a shell: the
 * {@code {{variables}}} in it are filled in quoted, as words of data.
 */
public enum ParamType {
    STRING, COMMAND, INTEGER, BOOLEAN, LIST, MAP;

    /** True when a YAML value (already read into Java) has this shape. */
    public boolean accepts(Object value) {
        return switch (this) {
            case STRING, COMMAND -> value instanceof String || value instanceof Number || value instanceof Boolean;
            case INTEGER -> value instanceof Number
                    || (value instanceof String s && s.matches("-?\\d+"));
            case BOOLEAN -> value instanceof Boolean
                    || (value instanceof String s && (s.equals("true") || s.equals("false")));
            case LIST -> value instanceof List<?> || value instanceof String || value instanceof Number; // one item
            case MAP -> value instanceof Map<?, ?>;
        };
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
