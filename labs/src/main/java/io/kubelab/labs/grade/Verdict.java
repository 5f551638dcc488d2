package io.kubelab.labs.grade;

/** A step as graded for one learner. */
public enum Verdict {
    /** Every check that looked passed. */
    PASSED("✓"),
    /** A check looked and found it wrong. */
    FAILED("✗"),
    /** Nothing failed, but a check could not look (a node unreachable, a file unreadable): never a fail. */
    UNKNOWN("?"),
    /** Nothing here could be graded from the instructor's side (the learner's own computer, a quiz). */
    NOT_GRADED("-");

    private final String symbol;

    Verdict(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
