package io.kubelab.labs.nodes.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host as an inventory writes it, expanded as Ansible expands it: {@code node1:2222} is node1 on
 * port 2222, {@code [::1]:2222} an IPv6 address with a port, {@code fe80::1} an IPv6 address
 * without one, and {@code node[1:3]}, {@code node[01:10:2]} or {@code rack[a:c]} several hosts.
 */
final class HostPatterns {
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)](?::(\\d+))?");
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+|[a-z]):([0-9]+|[a-z])(?::(\\d+))?]");

    private HostPatterns() {
    }

    /** One host a pattern names: its name, and the port written with it (null when none). */
    record Named(String name, Integer port) {
    }

    /** @throws IllegalArgumentException with the reason when the pattern cannot be expanded */
    static List<Named> expand(String pattern) {
        Matcher v6 = BRACKETED.matcher(pattern);
        if (v6.matches()) {
            return List.of(new Named(v6.group(1), v6.group(2) == null ? null : port(v6.group(2))));
        }
        String name = pattern;
        Integer port = null;
        int colon = pattern.lastIndexOf(':');
        if (colon > 0 && pattern.substring(colon + 1).matches("\\d+") && colonsOutsideBrackets(pattern) == 1) {
            name = pattern.substring(0, colon);
            port = port(pattern.substring(colon + 1));
        }
        if (colonsOutsideBrackets(name) >= 2) {
            return List.of(new Named(name, port)); // a bare IPv6 address
        }
        List<Named> out = new ArrayList<>();
        for (String n : ranges(name)) {
            out.add(new Named(n, port));
        }
        return out;
    }

    private static int port(String digits) {
        int p = digits.length() > 5 ? -1 : Integer.parseInt(digits);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("port " + digits + " is not a TCP port (1-65535)");
        }
        return p;
    }

    private static int colonsOutsideBrackets(String s) {
        int depth = 0;
        int colons = 0;
        for (char c : s.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ':' && depth == 0) {
                colons++;
            }
        }
        return colons;
    }

    /** The names a pattern with [start:end(:stride)] ranges stands for, left range outermost. */
    private static List<String> ranges(String name) {
        Matcher m = RANGE.matcher(name);
        if (!m.find()) {
            if (name.contains("[") || name.contains("]")) {
                throw new IllegalArgumentException("'" + name + "' has a bracket that is not a range like [1:3] or [a:c]");
            }
            return List.of(name);
        }
        String head = name.substring(0, m.start());
        List<String> tails = ranges(name.substring(m.end()));
        String from = m.group(1);
        String to = m.group(2);
        int stride = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        if (stride < 1) {
            throw new IllegalArgumentException("the stride of " + m.group() + " must be at least 1");
        }
        List<String> values = new ArrayList<>();
        boolean letters = Character.isLetter(from.charAt(0));
        if (letters != Character.isLetter(to.charAt(0))) {
            throw new IllegalArgumentException(m.group() + " mixes letters and numbers");
        }
        if (letters) {
            for (char c = from.charAt(0); c <= to.charAt(0); c += (char) stride) {
                values.add(String.valueOf(c));
            }
        } else {
            int a = Integer.parseInt(from);
            int b = Integer.parseInt(to);
            int width = from.length() > 1 && from.startsWith("0") ? from.length() : 0;
            for (int i = a; i <= b; i += stride) {
                values.add(width > 0 ? String.format("%0" + width + "d", i) : String.valueOf(i));
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(m.group() + " is empty: its start is after its end");
        }
        if (values.size() * (long) tails.size() > 10_000) {
            throw new IllegalArgumentException(name + " names more than 10000 hosts");
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String t : tails) {
                out.add(head + v + t);
            }
        }
        return out;
    }
}
