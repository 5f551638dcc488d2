package io.kubelab.labs.run;

import io.kubelab.checks.CheckResult;
import io.kubelab.labs.values.Redactor;

/**
 * One check's result in a lab report.
 *
 * @param check  the check id within the step (with "@host" when it ran on several hosts)
 * @param title  the author's title for it, in the learner's language, or empty
 * @param target where it ran: a host name, "local" or "cluster"
 */
public record CheckOutcome(String step, String check, String title, String target, CheckResult result) {

    /** The same outcome with every text a secret could reach masked: title, and all of the result. */
    CheckOutcome redacted(Redactor r) {
        CheckResult x = result;
        return new CheckOutcome(step, check, r.redact(title), target, new CheckResult(x.status(), r.redact(x.expected()),
                r.redact(x.observed()), r.redact(x.evidence()), r.redact(x.hint())));
    }
}
