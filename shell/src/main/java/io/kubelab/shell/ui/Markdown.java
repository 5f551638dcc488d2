package io.kubelab.shell.ui;

import io.kubelab.labs.values.TextWidth;
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
    /** Punctuation a line never starts with (Chinese line breaking), and punctuation it never ends with. */
    static final String CLOSING = "。，、：；！？）」』”’》〉】…";
    static final String OPENING = "（「『“‘《〈【";
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
        // The prefixes of the block being gathered: a list item keeps its bullet and indent on the
        // lines it continues on, in the source and when wrapped.
        String[] prefixes = {"", ""};
        boolean inCode = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                flushBlock(paragraph, prefixes, out);
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                out.add(style.code("    " + line));
                continue;
            }
            if (line.isBlank()) {
                flushBlock(paragraph, prefixes, out);
                if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
                    out.add("");
                }
                continue;
            }
            if (line.startsWith("#")) {
                flushBlock(paragraph, prefixes, out);
                String title = line.replaceFirst("^#+\\s*", "");
                out.add(style.bold(inline(title)));
                if (line.startsWith("# ")) {
                    out.add(style.bold("=".repeat(Math.min(width, TextWidth.of(title)))));
                }
                continue;
            }
            if (line.startsWith("|")) {
                flushBlock(paragraph, prefixes, out);
                out.add(inline(line)); // tables keep their shape: never wrapped
                continue;
            }
            if (line.startsWith(">")) {
                flushBlock(paragraph, prefixes, out);
                wrap(inline(line.replaceFirst("^>\\s?", "")), "│ ", "│ ", out);
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                flush(paragraph, prefixes[0], prefixes[1], out);
                String indent = item.group(1);
                String bullet = item.group(2).matches("[-*+]") ? "•" : item.group(2);
                prefixes[0] = indent + "  " + bullet + " ";
                prefixes[1] = indent + "    ";
                paragraph.append(item.group(3).strip());
                continue;
            }
            if (!prefixes[0].isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                flushBlock(paragraph, prefixes, out); // a paragraph after a list, without a blank line
            }
            String part = line.strip();
            if (paragraph.length() > 0 && joinsWithSpace(paragraph.codePointBefore(paragraph.length()), part.codePointAt(0))) {
                paragraph.append(' ');
            }
            paragraph.append(part);
        }
        flush(paragraph, prefixes[0], prefixes[1], out);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    /** Source lines join with a space, except in Chinese text and next to full-width punctuation. */
    private static boolean joinsWithSpace(int before, int after) {
        if (CLOSING.indexOf(before) >= 0 || OPENING.indexOf(before) >= 0 || OPENING.indexOf(after) >= 0
                || CLOSING.indexOf(after) >= 0) {
            return false;
        }
        return !(TextWidth.isWide(before) && TextWidth.isWide(after));
    }

    private void flushBlock(StringBuilder paragraph, String[] prefixes, List<String> out) {
        flush(paragraph, prefixes[0], prefixes[1], out);
        prefixes[0] = "";
        prefixes[1] = "";
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

    /** Plain text wrapped to the width (inline Markdown left as it is), the first line after {@code first}. */
    List<String> wrapLines(String text, String first, String rest) {
        List<String> out = new ArrayList<>();
        wrap(text, first, rest, out);
        return out.isEmpty() ? List.of(first.stripTrailing()) : out;
    }

    /**
     * Wraps text to the width. Breaks at spaces, or between two wide (Chinese) characters; ANSI
     * codes take no width. A single word longer than the line is left whole.
     */
    private void wrap(String text, String firstPrefix, String restPrefix, List<String> out) {
        StringBuilder line = new StringBuilder(firstPrefix);
        int col = visibleWidth(firstPrefix);
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
            } else if (CLOSING.indexOf(cp) >= 0) {
                // Never the start of a line: it goes with what it closes.
                if (word.length() > 0) {
                    word.appendCodePoint(cp);
                } else if (!tokens.isEmpty() && !tokens.get(tokens.size() - 1).equals(" ")) {
                    tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + new String(Character.toChars(cp)));
                } else {
                    tokens.add(new String(Character.toChars(cp)));
                }
            } else if (OPENING.indexOf(cp) >= 0) {
                // Never the end of a line: it starts the token it opens.
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                word.appendCodePoint(cp);
            } else if (TextWidth.isWide(cp)) {
                if (word.length() > 0 && OPENING.indexOf(word.codePointBefore(word.length())) >= 0) {
                    word.appendCodePoint(cp); // the character after an opening mark
                    tokens.add(word.toString());
                    word.setLength(0);
                } else {
                    if (word.length() > 0) {
                        tokens.add(word.toString());
                        word.setLength(0);
                    }
                    tokens.add(new String(Character.toChars(cp)));
                }
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
