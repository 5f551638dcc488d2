package io.kubelab.shell.ui;

import io.kubelab.checks.Status;

/**
 * Colours as ANSI codes, or nothing when colour is off. Colour is only ever added to text that
 * already carries its meaning in a symbol and a word.
 */
public record Style(boolean color) {
    private static final String RESET = "\u001b[0m";

    public String bold(String s) {
        return wrap("\u001b[1m", s);
    }

    public String dim(String s) {
        return wrap("\u001b[2m", s);
    }

    public String code(String s) {
        return wrap("\u001b[36m", s);
    }

    public String green(String s) {
        return wrap("\u001b[32m", s);
    }

    public String red(String s) {
        return wrap("\u001b[31m", s);
    }

    public String yellow(String s) {
        return wrap("\u001b[33m", s);
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
