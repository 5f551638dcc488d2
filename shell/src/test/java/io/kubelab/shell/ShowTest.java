package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `show` says where a value a command needs will come from, and whether a conditional action applies. */
class ShowTest {
    @TempDir
    Path home;

    @Test
    void aCapturedValueNamesTheStepThatCapturesIt() {
        ShellRun.Result r = new ShellRun(home).run("show", "kubeadm", "join");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("{{join_command}} is captured in step init"), r.out());
    }

    @Test
    void aConditionalActionSaysWhetherItAppliesToTheInventory() throws Exception {
        Path one = Files.writeString(home.resolve("one.ini"), "[kube_control_plane]\ncp ansible_host=192.0.2.10\n"
                + "[kube_node]\nw1 ansible_host=192.0.2.11\n");
        ShellRun.Result r = new ShellRun(home).run("show", "kubeadm", "init", "--inventory", one.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("only when kube_control_plane < 3: applies (kube_control_plane has 1)"), r.out());
        assertTrue(r.out().contains("only when kube_control_plane >= 3: does not apply (kube_control_plane has 1)"), r.out());
    }

    @Test
    void aScriptsLinesStandUnderItsFirst() {
        ShellRun.Result r = new ShellRun(home).run("show", "kubeadm", "install");
        assertTrue(r.out().contains("  all: set -e\n      # Swap off now"), r.out());
    }

    @Test
    void checkTitlesHaveTheirValuesFilledIn() {
        ShellRun.Result r = new ShellRun(home).run("show", "kubeadm", "network", "--set", "pod_cidr=10.30.0.0/16");
        assertTrue(r.out().contains("• the pod network uses 10.30.0.0/16 (pod-cidr)"), r.out());
    }
}
