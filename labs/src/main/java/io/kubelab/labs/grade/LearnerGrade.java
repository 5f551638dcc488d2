package io.kubelab.labs.grade;

import io.kubelab.labs.run.CheckOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One learner's grade in one round: each step's verdict and points, and every check's outcome.
 *
 * @param started when lab began to look at this learner's environment
 * @param took    how long it looked, in milliseconds
 */
public record LearnerGrade(Learner learner, List<StepGrade> steps, List<CheckOutcome> outcomes, Instant started,
                           long took) {

    public LearnerGrade {
        steps = List.copyOf(steps);
        outcomes = List.copyOf(outcomes);
    }

    public int earned() {
        return steps.stream().mapToInt(StepGrade::earned).sum();
    }

    public int worth() {
        return steps.stream().mapToInt(StepGrade::worth).sum();
    }

    /** The score in percent (100 when nothing could be graded, as nothing is missing). */
    public int percent() {
        return worth() == 0 ? 100 : (int) Math.floor(100.0 * earned() / worth());
    }

    public Optional<StepGrade> step(String id) {
        return steps.stream().filter(s -> s.step().equals(id)).findFirst();
    }

    /** The first step, in the lab's order, that did not pass: where the learner is. */
    public Optional<StepGrade> stuckAt() {
        return steps.stream().filter(s -> s.verdict() == Verdict.FAILED || s.verdict() == Verdict.UNKNOWN).findFirst();
    }

    /** Passed: at the pass mark. Below: under it with every step looked at. Unknown: under it, but something could not be looked at. */
    public enum Result {
        PASSED, BELOW, UNKNOWN;

        /** "passed", "below", "unknown": in JSON, CSV and the messages' keys. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Result result(int passMark) {
        if (percent() >= passMark) {
            return Result.PASSED;
        }
        return steps.stream().anyMatch(s -> s.verdict() == Verdict.UNKNOWN) ? Result.UNKNOWN : Result.BELOW;
    }
}
