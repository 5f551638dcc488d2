package io.kubelab.shell.report;

import io.kubelab.labs.labtest.PhaseResult;
import java.util.List;

/** `lab test -o junit`: a test case per step and phase, for a lab repository's CI. */
public final class LabTestReports {
    private LabTestReports() {
    }

    public static String junit(String lab, List<PhaseResult> results) {
        long failures = results.stream().filter(PhaseResult::failed).count();
        long skipped = results.stream().filter(r -> r.result() == PhaseResult.Result.NOT_APPLICABLE).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(Reports.esc("lab test " + lab)).append("\" tests=\"")
                .append(results.size()).append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
                .append(skipped).append("\">\n");
        for (PhaseResult r : results) {
            x.append("  <testcase classname=\"").append(Reports.esc(lab + "." + r.step())).append("\" name=\"")
                    .append(r.phase().word()).append("\" time=\"").append(r.tookMs() / 1000.0).append("\">");
            switch (r.result()) {
                case FAILED -> x.append("\n    <failure message=\"").append(Reports.esc(r.detail())).append("\"/>\n  ");
                case NOT_APPLICABLE -> x.append("\n    <skipped message=\"").append(Reports.esc(r.detail()))
                        .append("\"/>\n  ");
                case PASSED -> x.append("<system-out>").append(Reports.esc(r.detail())).append("</system-out>");
            }
            x.append("</testcase>\n");
        }
        return x.append("</testsuite>").toString();
    }
}
