package io.kubelab.checks.certs;

import io.kubelab.checks.CheckResult;
import io.kubelab.checks.host.FileRead;
import java.io.IOException;

/**
 * What a check says when a file it needs could not be read: a missing file is a fail (the step
 * that writes it has not run), a file lab may not read is an error (the check could not look, and
 * the hint says so), a path that names something else is a fail that says what it names.
 */
final class ReadProblem {
    private ReadProblem() {
    }

    /** @param otherwise the hint when the file was read but is not what the check needs (not PEM, not YAML) */
    static CheckResult of(String expected, String evidence, IOException e, String missingHint, String otherwise) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof FileRead.Refused refused) {
            return switch (refused.reason()) {
                case MISSING -> CheckResult.fail(expected, why, evidence, missingHint);
                case DENIED -> CheckResult.error(expected, why, evidence,
                        "run lab as a user that can read it, or give the host ansible_become: true in the inventory");
                case NOT_REGULAR, TOO_LARGE -> CheckResult.fail(expected, why, evidence,
                        "the path names something other than the file; check the path");
            };
        }
        return CheckResult.fail(expected, why, evidence, otherwise);
    }
}
