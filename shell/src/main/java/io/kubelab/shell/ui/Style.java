package io.kubelab.shell.ui;

import io.kubelab.checks.Status;

/**
 * Colours as ANSI codes, or nothing when colour is off. Colour is only ever added to text that
 * already carries its meaning in a symbol and a word.
 */
public record Style(boolean color) {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String CYAN = "\u001b[36m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    /** Every escape sequence lab itself writes: the only ones that reach the terminal, and only with colour on. */
    static final java.util.List<String> CODES = java.util.List.of(RESET, BOLD, DIM, CYAN, GREEN, RED, YELLOW);

    public String bold(String s) {
        return wrap(BOLD, s);
    }

    public String dim(String s) {
        return wrap(DIM, s);
    }

    public String code(String s) {
        return wrap(CYAN, s);
    }

    public String green(String s) {
        return wrap(GREEN, s);
    }

    public String red(String s) {
        return wrap(RED, s);
    }

    public String yellow(String s) {
        return wrap(YELLOW, s);
    }

    public String status(Status status, String s) {
        return switch (status) {
            case PASS -> green(s);
            case FAIL, ERROR -> red(s);
            case WARN -> yellow(s);
            case SKIP -> dim(s);
        };
    }

    private String wrap(String on, String s) {
        return color ? on + s + RESET : s;
    }
}
