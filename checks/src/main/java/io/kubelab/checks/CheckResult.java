package io.kubelab.checks;

/**
 * What one check saw.
 *
 * @param status   pass, fail, warn, skip or error
 * @param expected what the check wanted, in words a learner can compare
 * @param observed what it actually found (exact values, never just "failed")
 * @param evidence where it looked: the host and command, the API path, or the file
 * @param hint     what to do when it is not a pass; empty when there is nothing to add
 */
public record CheckResult(Status status, String expected, String observed, String evidence, String hint) {

    public CheckResult {
        expected = expected == null ? "" : expected;
        observed = observed == null ? "" : observed;
        evidence = evidence == null ? "" : evidence;
        hint = hint == null ? "" : hint;
    }

    public static CheckResult pass(String expected, String observed, String evidence) {
        return new CheckResult(Status.PASS, expected, observed, evidence, "");
    }

    public static CheckResult fail(String expected, String observed, String evidence, String hint) {
        return new CheckResult(Status.FAIL, expected, observed, evidence, hint);
    }

    public static CheckResult warn(String expected, String observed, String evidence, String hint) {
        return new CheckResult(Status.WARN, expected, observed, evidence, hint);
    }

    /** The check could not look: the host, file or API was out of reach. */
    public static CheckResult error(String expected, String observed, String evidence, String hint) {
        return new CheckResult(Status.ERROR, expected, observed, evidence, hint);
    }

    public static CheckResult skip(String why) {
        return new CheckResult(Status.SKIP, "", why, "", "");
    }

    /** The same result with the author's hint in place of the built-in one (kept when the author gave none). */
    /**
     * The author's hint in place of the check's own, where the check could look: when it could not
     * (ERROR: the node unreachable, its host key unknown), the fix is about that, not the author's.
     */
    public CheckResult withHint(String authorHint) {
        if (authorHint == null || authorHint.isBlank() || status == Status.PASS || status == Status.ERROR) {
            return this;
        }
        return new CheckResult(status, expected, observed, evidence, authorHint);
    }
}
