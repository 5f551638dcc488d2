package io.kubelab.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** On a terminal a long report line wraps under its text, never cut mid-word; on a pipe it stays whole. */
    @Test
    void reportsWrapWithAHangingIndentOnATerminalOnly() {
        CheckResult r = CheckResult.fail("swap off", "swap in use on /swapfile and on /dev/sda2 of this node", "",
                "Run sudo swapoff -a, and comment out the swap lines of /etc/fstab");
        StringWriter out = new StringWriter();
        new Ui(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), new Style(false), new Messages("en"),
                40, true).checkLines(List.of(new CheckOutcome("s", "swap", "swap is off", "local", r)));
        assertEquals("""
                ✗ fail  swap is off (swap)
                      expected: swap off
                      observed: swap in use on /swapfile
                                and on /dev/sda2 of this
                                node
                      hint:     Run sudo swapoff -a, and
                                comment out the swap
                                lines of /etc/fstab
                """, out.toString());
        StringWriter piped = new StringWriter();
        new Ui(new PrintWriter(piped, true), new PrintWriter(new StringWriter(), true), new Style(false),
                new Messages("en"), 40).checkLines(List.of(new CheckOutcome("s", "swap", "swap is off", "local", r)));
        assertTrue(piped.toString().contains("observed: swap in use on /swapfile and on /dev/sda2 of this node\n"));
    }
}
