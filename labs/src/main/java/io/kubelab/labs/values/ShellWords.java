package io.kubelab.labs.values;

import io.kubelab.checks.host.Shell;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts values into a shell command as data: each value becomes exactly what it is, one word or one
 * part of a word, never code. How a value must be quoted depends on where its reference stands —
 * bare, inside single or double quotes, in a here-document, in a comment — so this reads the
 * command as a POSIX shell (and bash) would, far enough to know that place.
 *
 * <p>{@code --set name='$(touch /tmp/x)'} then runs nothing, and a state folder with a space in
 * its path stays one word in every {@code {{lab.workdir}}} command.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** Where a reference stands in a command. */
    public enum Place { WORD, SINGLE_QUOTED, ANSI_QUOTED, DOUBLE_QUOTED, HEREDOC, LITERAL_HEREDOC, COMMENT }

    /** The value written so that the shell reads it back unchanged at that place. */
    public static String quote(String value, Place place) {
        return switch (place) {
            case WORD -> Shell.quote(value);
            // Close the quotes, add a quote character, reopen: the only way to write ' in '...'.
            case SINGLE_QUOTED -> value.replace("'", "'\"'\"'");
            case ANSI_QUOTED -> value.replace("\\", "\\\\").replace("'", "\\'");
            case DOUBLE_QUOTED -> backslashed(value, "\\$`\"");
            case HEREDOC -> backslashed(value, "\\$`");
            case LITERAL_HEREDOC -> value;
            // A newline would end the comment and make the rest of the value a command.
            case COMMENT -> value.replace('\n', ' ');
        };
    }

    /** Every form a value can take in a command, for masking a secret wherever it was written. */
    public static Set<String> forms(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        for (Place p : Place.values()) {
            forms.add(quote(value, p));
        }
        return forms;
    }

    private static String backslashed(String value, String special) {
        StringBuilder b = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (special.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A stretch of the command that is not shell text (a reference), and so is skipped while reading it. */
    public record Span(int start, int end) {
    }

    /**
     * The place of each span in the command, in order. Spans must be in order and not overlap.
     * Unusual syntax (a {@code case} pattern's lone parenthesis inside {@code $(...)}) may misread
     * the nesting of subshells; it never makes a place less quoted than a bare word.
     */
    public static List<Place> places(String command, List<Span> spans) {
        Reader r = new Reader(command);
        List<Place> out = new ArrayList<>();
        int i = 0;
        for (Span span : spans) {
            i = r.readTo(i, span.start());
            out.add(r.place());
            i = span.end();
            r.lineStart = false;
        }
        return out;
    }

    /** The shell's lexical state while reading a command from its start. */
    private static final class Reader {
        private record Heredoc(String delimiter, boolean literal, boolean stripTabs) {
        }

        private final String s;
        /** Open constructs: 'w' the command itself, '(' $( ), '{' ${ }, '`' backticks, '"' double quotes. */
        private final Deque<Character> open = new ArrayDeque<>();
        private final Deque<Heredoc> pending = new ArrayDeque<>();
        private Heredoc heredoc;
        private boolean single;
        private boolean ansi;
        private boolean comment;
        private boolean lineStart = true;

        Reader(String s) {
            this.s = s;
            open.push('w');
        }

        Place place() {
            if (heredoc != null) {
                return heredoc.literal() ? Place.LITERAL_HEREDOC : Place.HEREDOC;
            }
            if (comment) {
                return Place.COMMENT;
            }
            if (ansi) {
                return Place.ANSI_QUOTED;
            }
            if (single) {
                return Place.SINGLE_QUOTED;
            }
            return open.peek() == '"' ? Place.DOUBLE_QUOTED : Place.WORD;
        }

        /** Reads from {@code i} up to {@code end}; returns where it stopped (at least {@code end}). */
        int readTo(int i, int end) {
            while (i < end) {
                i = step(i);
            }
            return i;
        }

        private char at(int i) {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private int step(int i) {
            char c = s.charAt(i);
            if (heredoc != null) {
                return inHeredoc(i, c);
            }
            if (comment) {
                if (c == '\n') {
                    comment = false;
                    return newline(i);
                }
                return i + 1;
            }
            if (ansi) {
                if (c == '\\') {
                    return i + 2;
                }
                ansi = c != '\'';
                return i + 1;
            }
            if (single) {
                single = c != '\'';
                return i + 1;
            }
            if (open.peek() == '"') {
                return inDoubleQuotes(i, c);
            }
            return inWords(i, c);
        }

        private int inHeredoc(int i, char c) {
            if (lineStart) {
                int eol = s.indexOf('\n', i);
                String line = s.substring(i, eol < 0 ? s.length() : eol);
                String candidate = heredoc.stripTabs() ? line.replaceFirst("^\t+", "") : line;
                if (candidate.equals(heredoc.delimiter())) {
                    heredoc = pending.poll();
                    return eol < 0 ? s.length() : eol + 1;
                }
            }
            lineStart = c == '\n';
            if (c == '\\' && !heredoc.literal()) {
                return i + 2;
            }
            return i + 1;
        }

        private int inDoubleQuotes(int i, char c) {
            switch (c) {
                case '\\':
                    return i + 2;
                case '"':
                    open.pop();
                    return i + 1;
                case '`':
                    open.push('`');
                    return i + 1;
                case '$':
                    return dollar(i);
                default:
                    return i + 1;
            }
        }

        private int inWords(int i, char c) {
            char top = open.peek();
            switch (c) {
                case '\\':
                    return i + 2;
                case '\'':
                    single = true;
                    return i + 1;
                case '"':
                    open.push('"');
                    return i + 1;
                case '`':
                    if (top == '`') {
                        open.pop();
                    } else {
                        open.push('`');
                    }
                    return i + 1;
                case '$':
                    if (at(i + 1) == '\'') {
                        ansi = true;
                        return i + 2;
                    }
                    return dollar(i);
                case '(':
                    if (top == '(') {
                        open.push('(');
                    }
                    return i + 1;
                case ')':
                    if (top == '(') {
                        open.pop();
                    }
                    return i + 1;
                case '}':
                    if (top == '{') {
                        open.pop();
                    }
                    return i + 1;
                case '#':
                    if (top != '{' && (i == 0 || " \t\n;&|()<>".indexOf(s.charAt(i - 1)) >= 0)) {
                        comment = true;
                    }
                    return i + 1;
                case '<':
                    if (at(i + 1) == '<' && at(i + 2) != '<') {
                        return heredocOperator(i + 2);
                    }
                    return i + 1;
                case '\n':
                    return newline(i);
                default:
                    return i + 1;
            }
        }

        private int dollar(int i) {
            if (at(i + 1) == '(') {
                open.push('(');
                return i + 2;
            }
            if (at(i + 1) == '{') {
                open.push('{');
                return i + 2;
            }
            return i + 1;
        }

        /** At the end of a line, the first here-document written on it begins. */
        private int newline(int i) {
            if (!pending.isEmpty()) {
                heredoc = pending.poll();
                lineStart = true;
            }
            return i + 1;
        }

        /** {@code <<WORD}, {@code <<-WORD}, {@code <<'WORD'}, {@code <<"WORD"}, {@code <<\WORD}. */
        private int heredocOperator(int j) {
            boolean strip = at(j) == '-';
            if (strip) {
                j++;
            }
            while (at(j) == ' ' || at(j) == '\t') {
                j++;
            }
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            while (j < s.length() && " \t\n;&|<>()".indexOf(s.charAt(j)) < 0) {
                char c = s.charAt(j);
                if (c == '\'' || c == '"') {
                    quoted = true;
                    int close = s.indexOf(c, j + 1);
                    int stop = close < 0 ? s.length() : close;
                    word.append(s, j + 1, stop);
                    j = close < 0 ? s.length() : close + 1;
                } else if (c == '\\') {
                    quoted = true;
                    if (j + 1 < s.length()) {
                        word.append(s.charAt(j + 1));
                    }
                    j += 2;
                } else {
                    word.append(c);
                    j++;
                }
            }
            if (word.length() > 0) {
                pending.add(new Heredoc(word.toString(), quoted, strip));
            }
            return Math.max(j, 1);
        }
    }
}
