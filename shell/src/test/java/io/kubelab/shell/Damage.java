package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damage to a text file, the ways hands and editors damage files: cut off, a line lost, doubled or
 * swapped, a stray character or a YAML token typed in, a value replaced, indentation shifted.
 * Drawn from the caller's {@link Random}, so a seed gives the same damage on every run.
 */
public final class Damage {
    private static final String[] TOKENS = {":", ": ", "- ", "[", "]", "{", "}", "'", "\"", "''", "{{", "}}", "{{ x }}",
        "\t", "\u0000", "&a ", "*a", "!!binary ", "|", ">", "#", "? ", "%", "@", "`", "\u202e", "\r", "\\", "0x",
        "1e9999", "-1", "99999999999999999999", "null", "~", "true", "[]", "{}", "<<: *a", "---\n", "...\n", "=", "==",
        "[a:b]", "[1:0]", "node[", ",", ";", "ansible_port=", "\n  ", "\n- ", "é", "节点", "\uFEFF"};

    private Damage() {
    }

    /** One kind of damage, drawn from {@code random}. */
    public static String of(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        String token = TOKENS[random.nextInt(TOKENS.length)];
        switch (random.nextInt(7)) {
            case 0 -> {
                return text.substring(0, random.nextInt(text.length() + 1)); // cut off
            }
            case 1 -> lines.remove(line);
            case 2 -> lines.add(line, lines.get(line));
            case 3 -> {
                int other = random.nextInt(lines.size());
                String swapped = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, swapped);
            }
            case 4 -> {
                String l = lines.get(line);
                int at = random.nextInt(l.length() + 1);
                lines.set(line, l.substring(0, at) + token + l.substring(at));
            }
            case 5 -> {
                String l = lines.get(line);
                int colon = l.indexOf(": ");
                lines.set(line, colon < 0 ? token + l : l.substring(0, colon + 2) + token); // a value replaced
            }
            default -> {
                String l = lines.get(line);
                lines.set(line, random.nextBoolean() ? "  " + l : l.replaceFirst("^ {1,2}", ""));
            }
        }
        return String.join("\n", lines);
    }
}
