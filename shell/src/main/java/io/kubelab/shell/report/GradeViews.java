package io.kubelab.shell.report;

import io.kubelab.labs.grade.ClassGrade;
import io.kubelab.labs.grade.LearnerGrade;
import io.kubelab.labs.run.CheckOutcome;
import io.kubelab.labs.run.FileDigest;
import java.util.List;
import java.util.Map;

/**
 * What `lab grade -o json` prints and the evidence files hold (docs/grade-report.md): the records
 * are the schema, their components in snake_case and in this order.
 */
public final class GradeViews {
    private GradeViews() {
    }

    /** The whole class in one round. */
    public record Grade(String lab, String roster, String rosterSha256, String title, int passMark, String at,
                        long tookMs, List<String> steps, Map<String, Long> results, List<Learner> learners,
                        List<PassRate> passRates, Map<String, List<String>> stuck, Map<String, String> unreachable) {
        public static Grade of(ClassGrade g) {
            Map<String, Long> results = new java.util.LinkedHashMap<>();
            for (LearnerGrade.Result r : LearnerGrade.Result.values()) {
                results.put(r.word(), g.count(r));
            }
            return new Grade(g.lab(), g.roster().file().toString(), g.roster().sha256(), g.roster().title(),
                    g.roster().passMark(), g.at().toString(), g.took(), g.steps(), results,
                    g.learners().stream().map(l -> Learner.of(l, g.roster().passMark())).toList(),
                    g.passRates().stream().map(r -> new PassRate(r.step(), r.passed(), r.looked(), r.percent())).toList(),
                    g.stuck(), g.unreachable());
        }
    }

    /** @param result passed, below (the pass mark) or unknown (below it, with something not looked at) */
    public record Learner(String id, String name, String result, int earned, int worth, int percent, String started,
                          long tookMs, List<Step> steps, List<Check> checks) {
        public static Learner of(LearnerGrade g, int passMark) {
            return new Learner(g.learner().id(), g.learner().name(),
                    g.result(passMark).word(), g.earned(), g.worth(), g.percent(),
                    g.started().toString(), g.took(),
                    g.steps().stream().map(s -> new Step(s.step(), s.verdict().word(), s.earned(), s.worth())).toList(),
                    g.outcomes().stream().map(Check::of).toList());
        }
    }

    public record Step(String step, String verdict, int earned, int worth) {
    }

    /** One check's outcome with where it looked and what it read. */
    public record Check(String step, String check, String title, String target, String status, String expected,
                        String observed, String evidence, String hint, List<FileDigest> filesRead) {
        static Check of(CheckOutcome o) {
            var r = o.result();
            return new Check(o.step(), o.check(), o.title(), o.target(), r.status().word(), r.expected(), r.observed(),
                    r.evidence(), r.hint(), o.filesRead());
        }
    }

    public record PassRate(String step, int passed, int looked, int percent) {
    }
}
