package io.kubelab.checks.certs;

import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
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
    static CheckResult of(Say say, String expected, String evidence, IOException e, String missingHint,
                          String otherwise) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof FileRead.Refused refused) {
            String path = refused.path();
            return switch (refused.reason()) {
                case MISSING -> CheckResult.fail(expected, say.t("{0} does not exist", path), evidence, missingHint);
                case DENIED -> CheckResult.error(expected, say.t("{0} cannot be read: permission denied", path), evidence,
                        say.t("run lab as a user that can read it, or give the host ansible_become: true in the inventory"));
                case NOT_REGULAR -> CheckResult.fail(expected, say.t("{0} is not a regular file (a folder, a device or "
                        + "a pipe)", path), evidence, say.t("the path names something other than the file; check the path"));
                case TOO_LARGE -> CheckResult.fail(expected, why, evidence,
                        say.t("the path names something other than the file; check the path"));
            };
        }
        return CheckResult.fail(expected, why, evidence, otherwise);
    }
}
