package io.kubelab.shell.report;

import io.kubelab.labs.grade.ClassGrade;
import io.kubelab.labs.grade.LearnerGrade;
import io.kubelab.labs.grade.StepGrade;
import io.kubelab.labs.grade.Verdict;
import io.kubelab.labs.run.CheckOutcome;
import io.kubelab.shell.ui.Messages;
import io.kubelab.shell.ui.Sentences;
import java.util.List;

/**
 * A graded class as one HTML file that works offline (no CDN, no fonts, no requests): the table
 * sorts by any column (a few lines of inline script; {@code #sort=5-} in the link sorts by the
 * sixth column, down), and each learner's row opens to every
 * check's expected / observed / where. Rows are written here, not by the script, so the page
 * reads the same with scripts off.
 */
public final class GradePage {
    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse}th,td{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            th{cursor:pointer;background:#f4f4f4;user-select:none}th[aria-sort]::after{content:attr(data-arrow)}
            .passed{color:#176b2c}.failed{color:#b3261e}.unknown{color:#8a6100}.not-graded{color:#888}
            td.v{text-align:center;font-weight:bold}tr.detail td{background:#fafafa}
            table.checks td,table.checks th{font-size:12px;cursor:auto}.meta{color:#555}
            """;
    /** Sorts the learners (each row with its detail row) by the clicked column: numbers by data-sort, else text. */
    private static final String SCRIPT = """
            document.querySelectorAll('#grades > thead th').forEach(function (th, col) {
              th.addEventListener('click', function () {
                var body = document.querySelector('#grades > tbody');
                var up = th.getAttribute('aria-sort') !== 'ascending';
                document.querySelectorAll('#grades > thead th').forEach(function (o) { o.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
                th.setAttribute('data-arrow', up ? ' \\u25B2' : ' \\u25BC');
                var rows = Array.prototype.slice.call(body.querySelectorAll('tr.learner'));
                function key(r) { var c = r.children[col]; return c.getAttribute('data-sort') || c.textContent; }
                rows.sort(function (a, b) {
                  var x = key(a), y = key(b), n = parseFloat(x) - parseFloat(y);
                  var d = isNaN(n) ? x.localeCompare(y) : n;
                  return up ? d : -d;
                });
                rows.forEach(function (r) { var d = r.nextElementSibling; body.appendChild(r); body.appendChild(d); });
              });
            });
            // A link can carry its order: #sort=COLUMN sorts up, #sort=COLUMN- down (columns from 0).
            var wanted = /sort=(\\d+)(-?)/.exec(location.hash);
            var header = wanted && document.querySelectorAll('#grades > thead th')[+wanted[1]];
            if (header) {
              header.click();
              if (wanted[2]) { header.click(); }
            }
            """;

    private GradePage() {
    }

    public static String html(ClassGrade g, Messages msg) {
        String lang = msg.language();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n")
                .append("<title>").append(e(msg.get("grade.page.title", g.lab()))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(e(msg.get("grade.page.title", g.lab())))
                .append(g.roster().title().isBlank() ? "" : " — " + e(g.roster().title())).append("</h1>\n");
        h.append("<p class=\"meta\">").append(e(msg.get("grade.heading", g.learners().size(), g.roster().passMark(),
                when(g), g.took()))).append("</p>\n");
        h.append("<table id=\"grades\">\n<thead><tr><th>").append(e(msg.get("grade.column.learner"))).append("</th><th>")
                .append(e(msg.get("grade.column.name"))).append("</th>");
        for (int i = 0; i < g.steps().size(); i++) {
            h.append("<th title=\"").append(e(g.steps().get(i))).append("\">").append(e(g.steps().get(i))).append("</th>");
        }
        h.append("<th>").append(e(msg.get("grade.column.score"))).append("</th><th>")
                .append(e(msg.get("grade.column.result"))).append("</th></tr></thead>\n<tbody>\n");
        int columns = g.steps().size() + 4;
        for (LearnerGrade l : g.learners()) {
            String result = l.result(g.roster().passMark()).word();
            h.append("<tr class=\"learner\" id=\"learner-").append(e(l.learner().id())).append("\"><td>")
                    .append(e(l.learner().id())).append("</td><td>").append(e(l.learner().name())).append("</td>");
            for (String step : g.steps()) {
                Verdict v = l.step(step).map(StepGrade::verdict).orElse(Verdict.NOT_GRADED);
                h.append("<td class=\"v ").append(v.word()).append("\" data-sort=\"").append(v.ordinal())
                        .append("\" title=\"").append(e(msg.get("grade.verdict." + v.word()))).append("\">")
                        .append(v.symbol()).append("</td>");
            }
            h.append("<td data-sort=\"").append(l.percent()).append("\">").append(l.earned()).append('/')
                    .append(l.worth()).append(" (").append(l.percent()).append("%)</td><td class=\"")
                    .append(result.equals("below") ? "failed" : result).append("\">")
                    .append(e(msg.get("grade.result." + result))).append("</td></tr>\n");
            h.append("<tr class=\"detail\"><td colspan=\"").append(columns).append("\"><details><summary>")
                    .append(e(msg.get("grade.page.checks", l.outcomes().size()))).append("</summary>\n")
                    .append(checks(l.outcomes(), msg)).append("</details></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        h.append("<h2>").append(e(msg.get("grade.pass-rates"))).append("</h2>\n<ul>\n");
        g.passRates().forEach(r -> h.append("<li>").append(e(GradeTable.rate(r, msg))).append("</li>\n"));
        h.append("</ul>\n");
        if (!g.stuck().isEmpty()) {
            h.append("<h2>").append(e(msg.get("grade.stuck"))).append("</h2>\n<ul>\n");
            g.stuck().forEach((step, who) -> h.append("<li>").append(e(msg.get("grade.stuck-at", step,
                    String.join(", ", who)))).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!g.unreachable().isEmpty()) {
            h.append("<h2>").append(e(msg.get("grade.unreachable"))).append("</h2>\n<ul>\n");
            g.unreachable().forEach((who, why) -> h.append("<li>").append(e(who + " — " + Sentences.say(why, lang)))
                    .append("</li>\n"));
            h.append("</ul>\n");
        }
        return h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n").toString();
    }

    private static String checks(List<CheckOutcome> outcomes, Messages msg) {
        StringBuilder t = new StringBuilder("<table class=\"checks\"><tr>");
        for (String k : List.of("grade.column.step", "grade.column.check", "grade.column.target", "grade.column.status",
                "check.expected", "check.observed", "check.where", "check.hint")) {
            t.append("<th>").append(e(msg.get(k).strip().replaceAll("[:：]$", ""))).append("</th>");
        }
        t.append("</tr>\n");
        for (CheckOutcome o : outcomes) {
            var r = o.result();
            t.append("<tr><td>").append(e(o.step())).append("</td><td>").append(e(o.title().isBlank() ? o.check()
                            : o.title() + " (" + o.check() + ")")).append("</td><td>").append(e(o.target()))
                    .append("</td><td class=\"").append(cssClass(r.status())).append("\">").append(r.status().symbol())
                    .append(' ').append(e(r.status().word())).append("</td><td>").append(e(r.expected()))
                    .append("</td><td>").append(e(Sentences.say(r.observed(), msg.language()))).append("</td><td>")
                    .append(e(r.evidence())).append("</td><td>").append(e(Sentences.say(r.hint(), msg.language())))
                    .append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    /** When the round began, to the second (UTC). */
    static String when(ClassGrade g) {
        return g.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String cssClass(io.kubelab.checks.Status s) {
        return switch (s) {
            case PASS, WARN -> "passed";
            case FAIL -> "failed";
            case ERROR -> "unknown";
            case SKIP -> "not-graded";
        };
    }

    private static String e(String s) {
        return Reports.esc(s);
    }
}
