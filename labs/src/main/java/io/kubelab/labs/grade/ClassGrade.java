package io.kubelab.labs.grade;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole class graded in one round.
 *
 * @param steps the steps graded, in the lab's order (the table's columns)
 * @param took  how long the whole round took, in milliseconds
 */
public record ClassGrade(String lab, Roster roster, List<String> steps, List<LearnerGrade> learners, Instant at,
                         long took) {

    public ClassGrade {
        steps = List.copyOf(steps);
        learners = List.copyOf(learners);
    }

    /** How many learners passed a step, out of those whose step could be looked at. */
    public record PassRate(String step, int passed, int looked) {
        public int percent() {
            return looked == 0 ? 0 : (int) Math.floor(100.0 * passed / looked);
        }
    }

    public List<PassRate> passRates() {
        return steps.stream().map(step -> {
            int passed = 0;
            int looked = 0;
            for (LearnerGrade g : learners) {
                Verdict v = g.step(step).map(StepGrade::verdict).orElse(Verdict.NOT_GRADED);
                if (v == Verdict.PASSED || v == Verdict.FAILED) {
                    looked++;
                    passed += v == Verdict.PASSED ? 1 : 0;
                }
            }
            return new PassRate(step, passed, looked);
        }).toList();
    }

    /** Learners by the first step they have not passed (failed there), in step order. */
    public Map<String, List<String>> stuck() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        steps.forEach(s -> out.put(s, new java.util.ArrayList<>()));
        for (LearnerGrade g : learners) {
            g.stuckAt().filter(s -> s.verdict() == Verdict.FAILED)
                    .ifPresent(s -> out.get(s.step()).add(g.learner().id()));
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /** Learners with a step that could not be looked at, and the first reason. */
    public Map<String, String> unreachable() {
        Map<String, String> out = new LinkedHashMap<>();
        for (LearnerGrade g : learners) {
            g.outcomes().stream().filter(o -> o.result().status() == io.kubelab.checks.Status.ERROR).findFirst()
                    .ifPresent(o -> out.put(g.learner().id(), o.result().observed()));
        }
        return out;
    }

    public long count(LearnerGrade.Result result) {
        return learners.stream().filter(g -> g.result(roster.passMark()) == result).count();
    }
}
