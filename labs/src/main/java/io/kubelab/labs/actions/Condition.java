package io.kubelab.labs.actions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an action applies, by the size of an inventory group: {@code if: "kube_control_plane >= 3"}
 * takes the high-availability path only when there are three control-plane hosts.
 */
public record Condition(String group, String operator, int value) {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z0-9_.:\\[\\]-]+)\\s*(>=|<=|==|!=|>|<)\\s*(\\d+)\\s*");

    public static Optional<Condition> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        return m.matches() ? Optional.of(new Condition(m.group(1), m.group(2), Integer.parseInt(m.group(3))))
                : Optional.empty();
    }

    public boolean holds(int count) {
        return switch (operator) {
            case ">=" -> count >= value;
            case "<=" -> count <= value;
            case "==" -> count == value;
            case "!=" -> count != value;
            case ">" -> count > value;
            default -> count < value;
        };
    }

    @Override
    public String toString() {
        return group + " " + operator + " " + value;
    }
}
