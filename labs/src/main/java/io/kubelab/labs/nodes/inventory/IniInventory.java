package io.kubelab.labs.nodes.inventory;

import io.kubelab.labs.nodes.inventory.RawInventory.Group;
import io.kubelab.labs.nodes.inventory.RawInventory.Value;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An inventory written in Ansible's INI form ([group], [group:children], [group:vars], host lines with name=value). */
final class IniInventory {
    private IniInventory() {
    }

    /** Reads {@code text}, written in {@code file}, into {@code raw}; every problem is added with its line. */
    static void read(String text, String file, RawInventory raw, Problems problems) {
        String section = "ungrouped";
        String kind = "hosts";
        Group g = raw.group("ungrouped", Location.of(file));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Location at = new Location(file, i + 1, 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    problems.error(at, "a section header looks like [group], [group:children] or [group:vars]");
                    continue;
                }
                String head = line.substring(1, line.length() - 1).strip();
                int colon = head.indexOf(':');
                section = colon < 0 ? head : head.substring(0, colon);
                kind = colon < 0 ? "hosts" : head.substring(colon + 1);
                if (!kind.equals("hosts") && !kind.equals("children") && !kind.equals("vars")) {
                    problems.error(at, "unknown section kind ':" + kind + "'; use [" + section + ":children] or ["
                            + section + ":vars]");
                    kind = "skip";
                }
                g = raw.group(section, at);
                g.defined = true;
                continue;
            }
            switch (kind) {
                case "hosts" -> {
                    List<String> words = words(line);
                    if (words.isEmpty()) { // only quotes: "" or ''
                        problems.error(at, "a host line starts with the host's name");
                        continue;
                    }
                    List<HostPatterns.Named> named = RawInventory.expand(words.get(0), at, problems);
                    Map<String, Value> vars = new LinkedHashMap<>();
                    for (String w : words.subList(1, words.size())) {
                        int eq = w.indexOf('=');
                        if (eq <= 0) {
                            problems.error(at, "'" + w + "' is not a variable; write name=value");
                            continue;
                        }
                        vars.put(w.substring(0, eq), new Value(w.substring(eq + 1), at));
                    }
                    for (HostPatterns.Named n : named) {
                        g.hosts.put(n.name(), at);
                        raw.host(n.name(), at, RawInventory.withPort(n, at, vars), true);
                    }
                }
                case "children" -> g.children.put(line, at);
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq <= 0) {
                        problems.error(at, "a [" + section + ":vars] line is name=value");
                        continue;
                    }
                    g.vars.put(line.substring(0, eq).strip(), new Value(unquote(line.substring(eq + 1).strip()), at));
                }
                default -> {
                }
            }
        }
    }

    /** Splits a host line into words, keeping quoted values whole: node1 ansible_ssh_common_args='-J bastion'. */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else if (c == '#' && w.length() == 0) {
                break;
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
