package io.kubelab.shell.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Markdown of lab steps for a terminal of a given width: headings, paragraphs
 * wrapped to the width (Chinese wraps between any two characters), lists, quotes, and code
 * blocks that are never wrapped, so commands can be copied whole.
 */
public final class Markdown {
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)]+)\\)");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)([-*+]|\\d+[.)])\\s+(.*)$");

    private final int width;
    private final Style style;

    public Markdown(int width, Style style) {
        this.width = Math.max(20, width);
        this.style = style;
    }

    public String render(String markdown) {
        List<String> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        StringBuilder paragraph = new StringBuilder();
        boolean inCode = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                flush(paragraph, "", "", out);
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                out.add(style.code("    " + line));
                continue;
            }
            if (line.isBlank()) {
                flush(paragraph, "", "", out);
                if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
                    out.add("");
                }
                continue;
            }
            if (line.startsWith("#")) {
                flush(paragraph, "", "", out);
                String title = line.replaceFirst("^#+\\s*", "");
                out.add(style.bold(inline(title)));
                if (line.startsWith("# ")) {
                    out.add(style.bold("=".repeat(Math.min(width, TextWidth.of(title)))));
                }
                continue;
            }
            if (line.startsWith("|")) {
                flush(paragraph, "", "", out);
                out.add(inline(line)); // tables keep their shape: never wrapped
                continue;
            }
            if (line.startsWith(">")) {
                flush(paragraph, "", "", out);
                wrap(inline(line.replaceFirst("^>\\s?", "")), "│ ", "│ ", out);
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                flush(paragraph, "", "", out);
                String indent = item.group(1);
                String bullet = item.group(2).matches("[-*+]") ? "•" : item.group(2);
                wrap(inline(item.group(3)), indent + "  " + bullet + " ", indent + "    ", out);
                continue;
            }
            String part = line.strip();
            // Chinese lines join without a space; other lines join with one.
            if (paragraph.length() > 0 && !(TextWidth.isWide(paragraph.codePointBefore(paragraph.length()))
                    && TextWidth.isWide(part.codePointAt(0)))) {
                paragraph.append(' ');
            }
            paragraph.append(part);
        }
        flush(paragraph, "", "", out);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    private void flush(StringBuilder paragraph, String first, String rest, List<String> out) {
        if (paragraph.length() == 0) {
            return;
        }
        wrap(inline(paragraph.toString()), first, rest, out);
        paragraph.setLength(0);
    }

    private String inline(String s) {
        String r = LINK.matcher(s).replaceAll("$1 ($2)");
        r = BOLD.matcher(r).replaceAll(m -> Matcher.quoteReplacement(style.bold(m.group(1))));
        return INLINE_CODE.matcher(r).replaceAll(m -> Matcher.quoteReplacement(style.code(m.group(1))));
    }

    /**
     * Wraps text to the width. Breaks at spaces, or between two wide (Chinese) characters; ANSI
     * codes take no width. A single word longer than the line is left whole.
     */
    private void wrap(String text, String firstPrefix, String restPrefix, List<String> out) {
        StringBuilder line = new StringBuilder(firstPrefix);
        int col = TextWidth.of(firstPrefix);
        boolean empty = true; // nothing but the prefix on this line yet
        for (String token : tokens(text)) {
            if (token.equals(" ")) {
                if (!empty && col < width) {
                    line.append(' ');
                    col++;
                }
                continue;
            }
            int w = visibleWidth(token);
            if (!empty && col + w > width) {
                out.add(stripTrailingSpace(line.toString()));
                line = new StringBuilder(restPrefix);
                col = TextWidth.of(restPrefix);
                empty = true;
            }
            line.append(token);
            col += w;
            empty = false;
        }
        if (!empty) {
            out.add(stripTrailingSpace(line.toString()));
        }
    }

    /** Words, single spaces, and single wide characters (each a place a line may break). */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '\u001b') {
                int end = text.indexOf('m', i);
                end = end < 0 ? text.length() - 1 : end;
                word.append(text, i, end + 1);
                i = end + 1;
                continue;
            }
            if (cp == ' ') {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(" ");
            } else if (TextWidth.isWide(cp)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
            i += n;
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    static int visibleWidth(String s) {
        return TextWidth.of(s.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    private static String stripTrailingSpace(String s) {
        return s.replaceAll("\\s+$", "");
    }
}
