package io.kubelab.shell.report;

import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Status;
import io.kubelab.labs.run.CheckOutcome;
import io.kubelab.labs.run.CheckReport;
import java.util.List;
import java.util.Map;

/**
 * The check report in machine formats: JSON ({@link Views.Checks}, documented in
 * docs/check-report.md) and JUnit XML.
 */
public final class Reports {
    private Reports() {
    }

    public static String json(CheckReport report) {
        return Json.write(Views.Checks.of(report));
    }

    /** JUnit XML, one test case per check, for CI systems and grading tools. */
    public static String junit(CheckReport report) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + suite(report.lab(), report.lab(), report.results(), "")
                .stripTrailing();
    }

    /** A test suite named {@code name}: one test case per check, its class the lab and step. */
    static String suite(String name, String lab, List<CheckOutcome> outcomes, String indent) {
        Map<Status, Integer> s = new CheckReport(lab, outcomes).summary();
        StringBuilder x = new StringBuilder(indent);
        x.append("<testsuite name=\"").append(esc(name)).append("\" tests=\"").append(outcomes.size())
                .append("\" failures=\"").append(s.get(Status.FAIL)).append("\" errors=\"").append(s.get(Status.ERROR))
                .append("\" skipped=\"").append(s.get(Status.SKIP)).append("\">\n");
        for (CheckOutcome o : outcomes) {
            CheckResult r = o.result();
            x.append(indent).append("  <testcase classname=\"").append(esc(lab + "." + o.step())).append("\" name=\"")
                    .append(esc(o.check())).append("\">\n");
            String detail = "expected: " + r.expected() + "\nobserved: " + r.observed() + "\nwhere: " + r.evidence()
                    + (r.hint().isEmpty() ? "" : "\nhint: " + r.hint());
            x.append(indent);
            switch (r.status()) {
                case FAIL -> x.append("    <failure message=\"").append(esc(r.observed())).append("\">")
                        .append(esc(detail)).append("</failure>\n");
                case ERROR -> x.append("    <error message=\"").append(esc(r.observed())).append("\">")
                        .append(esc(detail)).append("</error>\n");
                case SKIP -> x.append("    <skipped message=\"").append(esc(r.observed())).append("\"/>\n");
                case WARN -> x.append("    <system-out>").append(esc("warning: " + detail)).append("</system-out>\n");
                case PASS -> x.append("    <system-out>").append(esc(r.observed())).append("</system-out>\n");
            }
            x.append(indent).append("  </testcase>\n");
        }
        return x.append(indent).append("</testsuite>\n").toString();
    }

    /** Text for XML (and HTML): markup characters escaped, control characters as spaces. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
