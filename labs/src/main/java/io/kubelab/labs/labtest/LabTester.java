package io.kubelab.labs.labtest;

import io.kubelab.checks.Status;
import io.kubelab.labs.LabException;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Quiz;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.run.CheckOutcome;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.QuizGrader;
import io.kubelab.labs.run.RunOptions;
import io.kubelab.labs.run.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Proves a lab works, from both sides, on a fresh environment: for each step in order its checks
 * must not pass before it (a check marked {@code prerequisite: true} may), its actions must run,
 * and then its checks must pass; each question's right answer is graded right and a wrong one
 * wrong; the teardown is tested last the same way (unless the environment is kept).
 *
 * <p>A step without actions is one the learner does by hand (installing minikube): nothing lab
 * runs makes its checks pass, so only "after" applies, on the environment as it was prepared. Its
 * solution is prose with commands for a person, not a script, and is never run.
 */
public final class LabTester {
    private final LabSession session;

    public LabTester(LabSession session) {
        this.session = session;
    }

    /**
     * The steps tested, in order: from {@code from} to {@code to} (each inclusive, null for the
     * ends); an optional step (a teardown) only when {@code teardown} and in range.
     */
    public static List<Step> steps(Lab lab, String from, String to, boolean teardown) {
        int start = from == null ? 0 : index(lab, from);
        int end = to == null ? lab.steps().size() - 1 : index(lab, to);
        if (start > end) {
            throw LabException.badInput("--from " + from + " comes after --to " + to + " in lab '" + lab.id() + "'");
        }
        return lab.steps().subList(start, end + 1).stream().filter(s -> !s.optional() || teardown).toList();
    }

    private static int index(Lab lab, String id) {
        return lab.indexOf(lab.requireStep(id).id());
    }

    /** Tests the steps in order, telling {@code each} every phase as it ends; stops after a step that failed. */
    public List<PhaseResult> test(List<Step> steps, Consumer<PhaseResult> each) {
        List<PhaseResult> all = new ArrayList<>();
        Consumer<PhaseResult> record = r -> {
            all.add(r);
            each.accept(r);
        };
        for (Step step : steps) {
            boolean ok = step.isQuestion() ? question(step, record) : step(step, record);
            if (!ok) {
                break; // the steps after it build on it: their results would only repeat this one
            }
        }
        return all;
    }

    private boolean step(Step step, Consumer<PhaseResult> record) {
        boolean hasActions = !step.actions().isEmpty();
        boolean hasChecks = !step.checks().isEmpty();
        if (!hasActions) {
            record.accept(new PhaseResult(step.id(), Phase.BEFORE, PhaseResult.Result.NOT_APPLICABLE,
                    "the learner does this step by hand: nothing lab runs makes its checks pass", List.of(), 0));
        } else if (hasChecks) {
            long t = System.nanoTime();
            List<CheckOutcome> before = session.check(List.of(step)).results();
            List<String> early = before.stream().filter(o -> passes(o) && !prerequisite(step, o))
                    .map(CheckOutcome::check).toList();
            record.accept(new PhaseResult(step.id(), Phase.BEFORE, early.isEmpty() ? PhaseResult.Result.PASSED
                    : PhaseResult.Result.FAILED, early.isEmpty() ? notYet(step, before)
                    : "passes before the step runs: " + String.join(", ", early)
                    + " (a check the step relies on rather than makes true is marked prerequisite: true)",
                    before, ms(t)));
        }
        List<CheckOutcome> after;
        if (hasActions) {
            long t = System.nanoTime();
            StepOutcome run = session.run(step, new RunOptions(true, null, 0));
            boolean actionsFailed = run.checks().isEmpty() && !run.problem().isEmpty();
            record.accept(new PhaseResult(step.id(), Phase.RUN, actionsFailed ? PhaseResult.Result.FAILED
                    : PhaseResult.Result.PASSED, actionsFailed ? run.problem() : run.commands().size() + " command runs",
                    List.of(), ms(t)));
            if (actionsFailed) {
                return false;
            }
            after = run.checks();
            if (!hasChecks) {
                return true;
            }
            record.accept(afterResult(step, after, 0));
        } else {
            long t = System.nanoTime();
            after = session.check(List.of(step)).results();
            record.accept(afterResult(step, after, ms(t)));
        }
        return after.stream().noneMatch(o -> o.result().status().isProblem());
    }

    private static PhaseResult afterResult(Step step, List<CheckOutcome> after, long took) {
        List<String> not = after.stream().filter(o -> o.result().status().isProblem())
                .map(o -> o.check() + " (" + o.result().observed() + ")").toList();
        return new PhaseResult(step.id(), Phase.AFTER, not.isEmpty() ? PhaseResult.Result.PASSED
                : PhaseResult.Result.FAILED, not.isEmpty() ? after.size() + " checks pass"
                : "does not pass after the step ran: " + String.join("; ", not), after, took);
    }

    private static String notYet(Step step, List<CheckOutcome> before) {
        long prerequisites = before.stream().filter(o -> o.result().status() != Status.SKIP && prerequisite(step, o))
                .count();
        long looked = before.stream().filter(o -> o.result().status() != Status.SKIP).count() - prerequisites;
        return prerequisites == 0 ? looked + " checks do not pass yet"
                : looked + " checks do not pass yet; " + prerequisites + " prerequisites may";
    }

    private static boolean passes(CheckOutcome o) {
        return o.result().status() == Status.PASS || o.result().status() == Status.WARN;
    }

    /** Whether the check behind an outcome (its id, or id@host) is marked prerequisite. */
    private static boolean prerequisite(Step step, CheckOutcome o) {
        return step.checks().stream().filter(c -> o.isOf(c.id())).anyMatch(CheckSpec::prerequisite);
    }

    /** The right answer graded right, a wrong one wrong, and the right one given last: the last answer counts. */
    private boolean question(Step step, Consumer<PhaseResult> record) {
        Quiz quiz = step.quiz();
        String right = right(quiz);
        String wrong = wrong(quiz);
        long t = System.nanoTime();
        QuizGrader.Grade wrongGrade = session.answer(step, wrong);
        record.accept(new PhaseResult(step.id(), Phase.WRONG_ANSWER, wrongGrade.correct() ? PhaseResult.Result.FAILED
                : PhaseResult.Result.PASSED, (wrongGrade.correct() ? "graded right: " : "graded wrong: ") + wrong,
                List.of(), ms(t)));
        t = System.nanoTime();
        QuizGrader.Grade rightGrade = session.answer(step, right);
        record.accept(new PhaseResult(step.id(), Phase.RIGHT_ANSWER, rightGrade.correct() ? PhaseResult.Result.PASSED
                : PhaseResult.Result.FAILED, (rightGrade.correct() ? "graded right: " : "graded wrong: ") + right,
                List.of(), ms(t)));
        return rightGrade.correct() && !wrongGrade.correct();
    }

    private static String right(Quiz quiz) {
        return switch (quiz.type()) {
            case SINGLE, MULTIPLE -> String.join(",", quiz.choices().keySet().stream().filter(quiz.correct()::contains)
                    .toList());
            case TEXT -> String.join(" ", quiz.keywords().subList(0, Math.min(quiz.keywords().size(),
                    Math.max(1, quiz.minKeywords()))));
        };
    }

    private static String wrong(Quiz quiz) {
        return switch (quiz.type()) {
            case SINGLE, MULTIPLE -> quiz.choices().keySet().stream().filter(c -> !quiz.correct().contains(c))
                    .findFirst().orElse("none-of-these");
            case TEXT -> "none of the expected words";
        };
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
