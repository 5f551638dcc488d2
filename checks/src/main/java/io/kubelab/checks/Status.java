package io.kubelab.checks;

/**
 * The outcome of one check. {@code ERROR} means "could not look" (host unreachable, API timeout,
 * permission denied) and is kept apart from {@code FAIL}, which means "looked, and it is wrong".
 */
public enum Status {
    PASS("✓"),
    FAIL("✗"),
    WARN("!"),
    SKIP("-"),
    ERROR("?");

    private final String symbol;

    Status(String symbol) {
        this.symbol = symbol;
    }

    /** A symbol that carries the meaning without colour. */
    public String symbol() {
        return symbol;
    }

    /** The lower-case word used in reports and JSON ("pass", "fail", ...). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isProblem() {
        return this == FAIL || this == ERROR;
    }
}
