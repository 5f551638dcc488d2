package io.kubelab.labs.labtest;

import io.kubelab.labs.run.CheckOutcome;
import java.util.List;

/**
 * One phase of one step under `lab test`.
 *
 * @param detail what was seen, in words: which checks passed too early or did not pass, why a
 *               phase does not apply
 * @param checks the check results the phase judged (empty for actions and answers)
 */
public record PhaseResult(String step, Phase phase, Result result, String detail, List<CheckOutcome> checks,
                          long tookMs) {

    public enum Result { PASSED, FAILED, NOT_APPLICABLE }

    public PhaseResult {
        checks = List.copyOf(checks);
    }

    public boolean failed() {
        return result == Result.FAILED;
    }
}
