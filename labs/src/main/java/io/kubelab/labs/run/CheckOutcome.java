package io.kubelab.labs.run;

import io.kubelab.checks.CheckResult;

/**
 * One check's result in a lab report.
 *
 * @param check  the check id within the step (with "@host" when it ran on several hosts)
 * @param title  the author's title for it, in the learner's language, or empty
 * @param target where it ran: a host name, "local" or "cluster"
 */
public record CheckOutcome(String step, String check, String title, String target, CheckResult result) {
}
