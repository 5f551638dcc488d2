package io.kubelab.shell.report;

import io.kubelab.labs.grade.ClassGrade;
import io.kubelab.labs.grade.LearnerGrade;
import io.kubelab.labs.grade.StepGrade;
import io.kubelab.labs.grade.Verdict;
import java.util.ArrayList;
import java.util.List;

/** A graded class as JSON, CSV and JUnit XML (the HTML page is {@link GradePage}). */
public final class GradeFormats {
    private GradeFormats() {
    }

    public static String json(ClassGrade g) {
        return Json.write(GradeViews.Grade.of(g));
    }

    /**
     * One row per learner: id, name, each step's verdict, points earned and possible, percent and
     * result. RFC 4180 quoting (lines end in LF); a cell a spreadsheet would run as a formula is prefixed with '.
     */
    public static String csv(ClassGrade g) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "name"));
        header.addAll(g.steps());
        header.addAll(List.of("earned", "worth", "percent", "result"));
        row(b, header);
        for (LearnerGrade l : g.learners()) {
            List<String> cells = new ArrayList<>(List.of(l.learner().id(), l.learner().name()));
            for (String step : g.steps()) {
                cells.add(l.step(step).map(StepGrade::verdict).orElse(Verdict.NOT_GRADED).word());
            }
            cells.addAll(List.of(String.valueOf(l.earned()), String.valueOf(l.worth()), String.valueOf(l.percent()),
                    l.result(g.roster().passMark()).word()));
            row(b, cells);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            b.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        b.append("\n"); // CRLF would reach a terminal as an escaped \\r
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // never a formula in the instructor's spreadsheet
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** One test suite per learner, one test case per check (a "could not look" is an error, not a failure). */
    public static String junit(ClassGrade g) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"").append(Reports.esc(g.lab())).append("\">\n");
        for (LearnerGrade l : g.learners()) {
            x.append(Reports.suite(l.learner().id(), g.lab(), l.outcomes(), "  "));
        }
        return x.append("</testsuites>").toString();
    }
}
