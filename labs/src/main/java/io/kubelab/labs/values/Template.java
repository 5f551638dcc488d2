package io.kubelab.labs.values;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} references in commands and check parameters. Double braces keep them apart
 * from the shell's own {@code $VAR} and {@code ${VAR}}, which pass through untouched.
 *
 * <p>In a shell command a value is data: {@link #renderShell} quotes it for the place it stands
 * in. {@code {{name | raw}}} puts a value in as shell text, for the rare value that must be read
 * as several words or as code (a captured {@code kubeadm join} command); a variable used raw
 * should have a {@code pattern:}, which {@code lab validate} asks for.
 */
public final class Template {
    /** {{name}}; a name may also be hosts.GROUP[0] or hosts.GROUP[1:] (part of a group, as Ansible writes it). */
    private static final Pattern REFERENCE =
            Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.:\\[\\]-]*)\\s*(?:\\|\\s*(raw)\\s*)?}}");
    /** A reference with a filter lab does not know, such as {{name | upper}}: never substituted, so refused. */
    private static final Pattern UNKNOWN_FILTER =
            Pattern.compile("\\{\\{\\s*[A-Za-z_][A-Za-z0-9_.:\\[\\]-]*\\s*\\|\\s*+(?!raw\\s*}})([^}]*)}}");

    /** One {@code {{name}}} or {@code {{name | raw}}} in a text, with where it is. */
    public record Reference(String name, boolean raw, int start, int end) {
    }

    /**
     * Values lab provides itself, without the author declaring them: host.name and host.address are
     * the host a command runs on; hosts.GROUP is the comma-separated names of an inventory group,
     * addresses.GROUP their addresses in the same order (an etcd cluster's peers, /etc/hosts lines).
     */
    public static final java.util.List<String> BUILT_INS = java.util.List.of("lab.id", "lab.workdir", "lab.inventory", "host.name",
            "host.address", "hosts.GROUP", "addresses.GROUP");

    public static boolean isBuiltIn(String name) {
        return BUILT_INS.contains(name) || name.startsWith("hosts.") || name.startsWith("addresses.");
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

    public static List<Reference> find(String text) {
        List<Reference> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            out.add(new Reference(m.group(1), m.group(2) != null, m.start(), m.end()));
        }
        return out;
    }

    /** The filters written in a text that lab does not know (it knows only raw). */
    public static List<String> unknownFilters(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            Matcher m = UNKNOWN_FILTER.matcher(text);
            while (m.find()) {
                out.add(m.group(1).strip());
            }
        }
        return out;
    }

    /** Fills in every reference as plain text (a path, a file's content); one without a value is left as written. */
    public static String render(String text, Function<String, Optional<String>> values) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Reference r : find(text)) {
            out.append(text, at, r.start()).append(values.apply(r.name()).orElse(text.substring(r.start(), r.end())));
            at = r.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /**
     * Fills in a shell command: each value quoted for where it stands, so that it is one word of
     * data; {@code {{name | raw}}} as written. A reference without a value is left as written.
     */
    public static String renderShell(String command, Function<String, Optional<String>> values) {
        if (command == null || !command.contains("{{")) {
            return command;
        }
        List<Reference> refs = find(command);
        List<ShellWords.Place> places = ShellWords.places(command,
                refs.stream().map(r -> new ShellWords.Span(r.start(), r.end())).toList());
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            Optional<String> value = values.apply(r.name());
            out.append(command, at, r.start()).append(value.isEmpty() ? command.substring(r.start(), r.end())
                    : r.raw() ? value.get() : ShellWords.quote(value.get(), places.get(i)));
            at = r.end();
        }
        return out.append(command.substring(at)).toString();
    }
}
