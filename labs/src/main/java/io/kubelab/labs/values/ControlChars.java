package io.kubelab.labs.values;

/**
 * Characters a terminal acts on instead of showing: C0 controls other than tab and newline
 * (carriage return, escape, backspace…), DEL, C1 controls, and the bidirectional overrides and
 * isolates that reorder what is shown. Lab content is downloaded; none of these may reach the
 * learner's terminal from it, because a carriage return and an escape sequence can make a command
 * look like another one. They are shown escaped instead, as text a learner can read.
 */
public final class ControlChars {
    private ControlChars() {
    }

    public static boolean isControl(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** Where the first control character is, or -1. */
    public static int indexIn(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The text with each control character replaced by its escaped form. */
    public static String escape(String s) {
        if (indexIn(s) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                out.append(escaped(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * How one control character is shown: the shell's names for the common ones ({@code \r},
     * {@code \e}), {@code \}{@code uXXXX} for the rest — a form that stays valid inside JSON strings.
     */
    public static String escaped(char c) {
        return switch (c) {
            case '\r' -> "\\r";
            case 0x1b -> "\\e";
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case 0x0b -> "\\v";
            case 0 -> "\\0";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
