package io.kubelab.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelab.checks.CheckResult;
import io.kubelab.labs.run.CheckOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chinese puts no space after 「：」: a label in Chinese is followed by its text directly, an English one by a space. */
class LabelsTest {
    private static String[] print(String language) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Ui ui = new Ui(new PrintWriter(out, true), new PrintWriter(err, true), new Style(false), new Messages(language), 100);
        ui.error("x");
        ui.checkLines(List.of(new CheckOutcome("s", "c", "", "local",
                CheckResult.fail("swap off", "swap in use", "", ""))));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void noSpaceAfterAFullWidthColon() {
        String[] zh = print("zh-CN");
        assertEquals("lab：x\n", zh[1]);
        assertEquals("✗ 失败  c\n      期望：swap off\n      实际：swap in use\n", zh[0]);
        String[] en = print("en");
        assertEquals("lab: x\n", en[1]);
        assertEquals("✗ fail  c\n      expected: swap off\n      observed: swap in use\n", en[0]);
    }
}
