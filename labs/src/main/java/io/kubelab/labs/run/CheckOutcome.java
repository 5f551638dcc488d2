package io.kubelab.labs.run;

import io.kubelab.checks.CheckResult;
import io.kubelab.labs.values.Redactor;
import java.util.List;

/**
 * One check's result in a lab report.
 *
 * @param check  the check id within the step (with "@host" when it ran on several hosts)
 * @param title  the author's title for it, in the learner's language, or empty
 * @param target where it ran: a host name, "local" or "cluster"
 * @param filesRead the files the check read, with their digests (evidence)
 */
public record CheckOutcome(String step, String check, String title, String target, CheckResult result,
                           List<FileDigest> filesRead) {

    public CheckOutcome {
        filesRead = List.copyOf(filesRead);
    }

    public CheckOutcome(String step, String check, String title, String target, CheckResult result) {
        this(step, check, title, target, result, List.of());
    }

    /** Whether this came from the check {@code id}: on one target, or on one of several ("id@host"). */
    public boolean isOf(String id) {
        return check.equals(id) || check.startsWith(id + "@");
    }

    /** The same outcome with what the grader knows it read as well (the learner's kubeconfig). */
    public CheckOutcome withFilesRead(List<FileDigest> more) {
        List<FileDigest> all = new java.util.ArrayList<>(filesRead);
        all.addAll(more);
        return new CheckOutcome(step, check, title, target, result, all);
    }

    /** The same outcome with every text a secret could reach masked: title, and all of the result. */
    CheckOutcome redacted(Redactor r) {
        CheckResult x = result;
        return new CheckOutcome(step, check, r.redact(title), target, new CheckResult(x.status(), r.redact(x.expected()),
                r.redact(x.observed()), r.redact(x.evidence()), r.redact(x.hint())), filesRead);
    }
}
