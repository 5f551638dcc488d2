package io.kubelab.shell.report;

import io.kubelab.labs.grade.ClassGrade;
import io.kubelab.labs.grade.LearnerGrade;
import io.kubelab.labs.grade.StepGrade;
import io.kubelab.labs.grade.Verdict;
import io.kubelab.labs.values.TextWidth;
import io.kubelab.shell.ui.Messages;
import io.kubelab.shell.ui.Sentences;
import io.kubelab.shell.ui.Style;
import io.kubelab.shell.ui.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A graded class as a terminal table: one row per learner, one column per step (numbered; the
 * legend names them), the score and the result; then each step's pass rate, who is stuck where,
 * and who could not be reached. In a watch, a cell that changed since the last round is marked *.
 */
public final class GradeTable {
    private GradeTable() {
    }

    public static List<String> lines(ClassGrade g, Optional<ClassGrade> previous, Messages msg, Style style) {
        List<String> out = new ArrayList<>();
        out.add(style.bold(msg.get("grade.page.title", g.lab()) + (g.roster().title().isBlank() ? ""
                : " — " + g.roster().title())) + style.dim("  " + msg.get("grade.heading", g.learners().size(),
                g.roster().passMark(), GradePage.when(g), g.took())));
        int idWidth = width(msg.get("grade.column.learner"), g.learners().stream().map(l -> l.learner().id()).toList());
        int nameWidth = Math.min(24, width(msg.get("grade.column.name"),
                g.learners().stream().map(l -> l.learner().name()).toList()));
        StringBuilder header = new StringBuilder(pad(msg.get("grade.column.learner"), idWidth)).append("  ")
                .append(pad(msg.get("grade.column.name"), nameWidth)).append("  ");
        for (int i = 0; i < g.steps().size(); i++) {
            header.append(pad(String.valueOf(i + 1), cellWidth(i)));
        }
        header.append(" ").append(msg.get("grade.column.score"));
        out.add(style.dim(header.toString()));
        for (LearnerGrade l : g.learners()) {
            StringBuilder row = new StringBuilder(pad(l.learner().id(), idWidth)).append("  ")
                    .append(pad(cut(l.learner().name(), nameWidth), nameWidth)).append("  ");
            Optional<LearnerGrade> before = previous.flatMap(p -> p.learners().stream()
                    .filter(x -> x.learner().id().equals(l.learner().id())).findFirst());
            for (int i = 0; i < g.steps().size(); i++) {
                String step = g.steps().get(i);
                Verdict v = verdict(Optional.of(l), step);
                boolean changed = before.isPresent() && verdict(before, step) != v;
                String cell = colour(style, v, v.symbol()) + (changed ? style.yellow("*") : " ");
                row.append(cell).append(" ".repeat(cellWidth(i) - 2));
            }
            LearnerGrade.Result result = l.result(g.roster().passMark());
            String score = l.earned() + "/" + l.worth() + " (" + l.percent() + "%)";
            String word = msg.get("grade.result." + result.word());
            row.append(" ").append(pad(score, 12)).append(" ").append(switch (result) {
                case PASSED -> style.green(word);
                case BELOW -> style.red(word);
                case UNKNOWN -> style.yellow(word);
            });
            out.add(row.toString());
        }
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < g.steps().size(); i++) {
            legend.add((i + 1) + " " + g.steps().get(i));
        }
        out.add(style.dim(msg.get("grade.legend", String.join(" · ", legend))));
        String label = msg.get("grade.pass-rates");
        out.add(Ui.labelled(label, label, String.join(" · ", g.passRates().stream().map(r -> rate(r, msg)).toList())));
        g.stuck().forEach((step, who) -> out.add(style.red(msg.get("grade.stuck-at", step, String.join(", ", who)))));
        g.unreachable().forEach((who, why) -> out.add(style.yellow(msg.get("grade.unreachable-one", who,
                Sentences.say(why, msg.language())))));
        out.add(msg.get("grade.summary", g.count(LearnerGrade.Result.PASSED), g.count(LearnerGrade.Result.BELOW),
                g.count(LearnerGrade.Result.UNKNOWN)));
        return out;
    }

    /** A step's pass rate; a dash where nobody's could be looked at. */
    static String rate(ClassGrade.PassRate r, Messages msg) {
        return r.looked() == 0 ? msg.get("grade.pass-rate.none", r.step())
                : msg.get("grade.pass-rate", r.step(), r.percent(), r.passed(), r.looked());
    }

    private static Verdict verdict(Optional<LearnerGrade> l, String step) {
        return l.flatMap(x -> x.step(step)).map(StepGrade::verdict).orElse(Verdict.NOT_GRADED);
    }

    /** Step i's column: its number and a space, at least the symbol, the change mark and a space. */
    private static int cellWidth(int i) {
        return Math.max(3, String.valueOf(i + 1).length() + 1);
    }

    private static String colour(Style style, Verdict v, String s) {
        return switch (v) {
            case PASSED -> style.green(s);
            case FAILED -> style.red(s);
            case UNKNOWN -> style.yellow(s);
            case NOT_GRADED -> style.dim(s);
        };
    }

    private static int width(String header, List<String> values) {
        return Math.max(TextWidth.of(header), values.stream().mapToInt(TextWidth::of).max().orElse(0));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - TextWidth.of(s)));
    }

    private static String cut(String s, int width) {
        if (TextWidth.of(s) <= width) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int cp : s.codePoints().toArray()) {
            if (TextWidth.of(b + new String(Character.toChars(cp))) > width - 1) {
                break;
            }
            b.appendCodePoint(cp);
        }
        return b + "…";
    }
}
