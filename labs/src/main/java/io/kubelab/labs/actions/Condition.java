package io.kubelab.labs.actions;

import io.kubelab.labs.yaml.Fields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an action applies. By the size of an inventory group — {@code if: "kube_control_plane >= 3"}
 * takes the high-availability path only with three control-plane hosts — or by a variable's value —
 * {@code if: "{{type}} == regional"} creates the kind of cluster the learner chose.
 *
 * @param subject    the group, or the variable (without braces)
 * @param onVariable whether {@code subject} is a variable
 * @param value      the number the group's size is compared with, or the variable's value
 */
public record Condition(String subject, boolean onVariable, String operator, String value) {
    private static final Pattern GROUP = Pattern.compile("\\s*([A-Za-z0-9_.:\\[\\]-]+)\\s*(>=|<=|==|!=|>|<)\\s*(\\d+)\\s*");
    private static final Pattern VARIABLE = Pattern.compile("\\s*\\{\\{\\s*([A-Za-z0-9_-]+)\\s*}}\\s*(==|!=)\\s*([^\\s{}]+)\\s*");

    public static Optional<Condition> parse(String text) {
        Matcher g = GROUP.matcher(text == null ? "" : text);
        if (g.matches()) {
            return Optional.of(new Condition(g.group(1), false, g.group(2), g.group(3)));
        }
        Matcher v = VARIABLE.matcher(text == null ? "" : text);
        return v.matches() ? Optional.of(new Condition(v.group(1), true, v.group(2), v.group(3))) : Optional.empty();
    }

    /** The {@code if:} of an action, checked against the lab's variables; null when it has none (or it is wrong). */
    static Condition read(ActionFields in) {
        Fields f = in.fields();
        if (!f.has("if")) {
            return null;
        }
        Condition c = parse(f.text("if")).orElse(null);
        if (c == null) {
            f.problems().error(f.at("if"), "if must compare the size of a group with a number, e.g. "
                    + "if: \"kube_control_plane >= 3\", or a variable with a value, e.g. if: \"{{type}} == regional\"");
        }
        // A variable it names that is not declared is reported with every other reference (the action's references()).
        return c;
    }

    /** The group whose size it compares (for a condition on a variable: none). */
    public String group() {
        return onVariable ? "" : subject;
    }

    /** Whether it holds for a group of {@code count} hosts. */
    public boolean holds(int count) {
        int n = Integer.parseInt(value);
        return switch (operator) {
            case ">=" -> count >= n;
            case "<=" -> count <= n;
            case "==" -> count == n;
            case "!=" -> count != n;
            case ">" -> count > n;
            default -> count < n;
        };
    }

    /** Whether it holds for a variable that has {@code actual} (empty when it has no value). */
    public boolean holdsFor(String actual) {
        return operator.equals("==") == value.equals(actual);
    }

    /** Whether it holds with these variable values and group sizes. */
    public boolean holds(java.util.function.Function<String, Optional<String>> values,
                         java.util.function.ToIntFunction<String> groupSize) {
        return onVariable ? holdsFor(values.apply(subject).orElse("")) : holds(groupSize.applyAsInt(subject));
    }

    public boolean holds(ActionContext ctx) {
        return holds(ctx::value, ctx::count);
    }

    /** "only when kube_control_plane >= 3; kube_control_plane has 1", or "only when {{type}} == regional; it is zonal". */
    public String unmet(ActionContext ctx) {
        return "only when " + this + "; " + (onVariable ? "it is " + ctx.value(subject).orElse("not set")
                : subject + " has " + ctx.count(subject));
    }

    @Override
    public String toString() {
        return (onVariable ? "{{" + subject + "}}" : subject) + " " + operator + " " + value;
    }
}
