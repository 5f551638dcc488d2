package io.kubelab.labs.values;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} references in commands and check parameters. Double braces keep them apart
 * from the shell's own {@code $VAR} and {@code ${VAR}}, which pass through untouched.
 */
public final class Template {
    /** {{name}}; a name may also be hosts.GROUP[0] or hosts.GROUP[1:] (part of a group, as Ansible writes it). */
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.:\\[\\]-]*)\\s*}}");

    /**
     * Values lab provides itself, without the author declaring them: host.name and host.address are
     * the host a command runs on; hosts.GROUP is the comma-separated names of an inventory group.
     */
    public static final java.util.List<String> BUILT_INS = java.util.List.of("lab.id", "lab.workdir", "host.name",
            "host.address", "hosts.GROUP");

    public static boolean isBuiltIn(String name) {
        return BUILT_INS.contains(name) || name.startsWith("hosts.");
    }

    private Template() {
    }

    public static Set<String> references(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Fills in every reference; one without a value is left as written. */
    public static String render(String text, Function<String, Optional<String>> values) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.apply(m.group(1)).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
