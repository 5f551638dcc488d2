package io.kubelab.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Status;
import io.kubelab.labs.run.CheckOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same result on several nodes is one block naming the nodes; different results stay apart. */
class CheckGroupsTest {

    private static CheckOutcome on(String node, Status status, String observed, String hint) {
        String address = "10.77.0." + node.charAt(node.length() - 1);
        return new CheckOutcome("preflight", "swap@" + node, "swap is off", node, new CheckResult(status, "swap off",
                observed.replace("NODE", node).replace("ADDR", address),
                "on " + node + " (root@" + address + ":22): cat /proc/swaps", hint));
    }

    private static String print(List<CheckOutcome> outcomes) {
        StringWriter out = new StringWriter();
        Ui ui = new Ui(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), new Style(false),
                new Messages("en"), 100);
        ui.checkLines(outcomes);
        return out.toString();
    }

    @Test
    void theSameFailureOnThreeNodesIsOneBlock() {
        String hint = "lab could not reach it";
        String printed = print(List.of(
                on("node1", Status.ERROR, "NODE: host key of ADDR is not known", hint),
                on("node2", Status.ERROR, "NODE: host key of ADDR is not known", hint),
                on("node3", Status.ERROR, "NODE: host key of ADDR is not known", hint)));
        assertEquals("""
                ? error  swap is off (swap@node1, node2, node3)
                      expected: swap off
                      observed: node1: host key of 10.77.0.1 is not known
                      observed: node2: host key of 10.77.0.2 is not known
                      observed: node3: host key of 10.77.0.3 is not known
                      where:    on node1 (root@10.77.0.1:22): cat /proc/swaps (and on node2, node3)
                      hint:     lab could not reach it
                """, printed);
    }

    @Test
    void passesThatReadTheSameAreOneLineAndADifferentResultStaysApart() {
        String printed = print(List.of(
                on("node1", Status.PASS, "no swap in use", ""),
                on("node2", Status.PASS, "no swap in use", ""),
                on("node3", Status.WARN, "swap in use: /swapfile", "sudo swapoff -a")));
        assertEquals("""
                ✓ pass  swap is off (swap@node1, node2) — no swap in use
                ! warn  swap is off (swap@node3)
                      expected: swap off
                      observed: swap in use: /swapfile
                      where:    on node3 (root@10.77.0.3:22): cat /proc/swaps
                      hint:     sudo swapoff -a
                """, printed);
    }
}
