package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** `show` warns of what `run` would refuse (a release past its end of life), in the learner's language too. */
    @Test
    void aRefusedValueIsSaidWhereTheCommandsAreShown() {
        ShellRun.Result r = new ShellRun(home).run("show", "kubeadm", "install", "--set", "k8s_minor=1.31");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("k8s_minor 1.31 is not supported (supported as of 2026-11: 1.34, 1.35, 1.36)"), r.err());
        ShellRun.Result zh = new ShellRun(home).run("show", "kubeadm", "install", "--lang", "zh-CN");
        assertTrue(zh.err().contains("k8s_minor 1.31 已不受支持"), "remembered, and said in Chinese: " + zh.err());
        ShellRun.Result insisted = new ShellRun(home).run("show", "kubeadm", "install", "--set", "allow_unsupported=true");
        assertFalse(insisted.err().contains("not supported"), insisted.err());
    }

    @Test
    void aScriptsLinesStandUnderItsFirst() {
        ShellRun.Result r = new ShellRun(home).run("show", "kubeadm", "install");
        assertTrue(r.out().contains("  all: set -e\n      # Swap off now"), r.out());
    }

    /** A file written from text in the lab is shown as it will be written: the learner reads the unit before it runs. */
    @Test
    void aFileWrittenFromTheLabsTextIsShown() {
        ShellRun.Result r = new ShellRun(home).run("show", "the-hard-way", "etcd");
        assertTrue(r.out().contains("  kube_control_plane: copy (text in the lab) -> /etc/systemd/system/etcd.service "
                + "(0644):\n      [Unit]\n      Description=etcd"), r.out());
        assertTrue(r.out().contains("\n        --initial-cluster=${PEERS} \\\n"), r.out());
    }

    @Test
    void checkTitlesHaveTheirValuesFilledIn() {
        ShellRun.Result r = new ShellRun(home).run("show", "kubeadm", "network", "--set", "pod_cidr=10.30.0.0/16");
        assertTrue(r.out().contains("• the pod network uses 10.30.0.0/16 (pod-cidr)"), r.out());
    }

    /** The step's heading and text say the versions the learner will get, as set; a secret stays masked. */
    @Test
    void theStepsTitleAndTextHaveTheirValuesFilledIn() throws Exception {
        Path lab = Files.createDirectories(home.resolve("filled/steps"));
        Files.writeString(lab.resolveSibling("lab.yaml"), """
                format: 1
                id: filled
                title: {en: Filled, zh-CN: 填写}
                variables:
                  version: {default: "1.2"}
                  key: {secret: true, generate: base64-32}
                steps:
                  - id: get
                    title: {en: "Get {{version}}", zh-CN: "获取 {{version}}"}
                    text: steps/get.md
                    actions:
                      - run: echo {{key}}
                """);
        Files.writeString(lab.resolve("get.md"), "# Get\n\nVersion {{version}}, key {{key}}, kubectl -o go-template='{{.metadata.name}}'\n");
        Files.writeString(lab.resolve("get.zh-CN.md"), "# 获取\n\n版本 {{version}}\n");
        ShellRun.Result r = new ShellRun(home).run("show", lab.getParent().toString(), "--set", "version=1.3");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Step 1 of 1 · Get 1.3  [get]"), r.out());
        assertTrue(r.out().contains("Version 1.3, key {{key}}, kubectl -o go-template='{{.metadata.name}}'"), r.out());
        // The --set is remembered for the lab, so the Chinese text says 1.3 too.
        ShellRun.Result zh = new ShellRun(home).run("--lang", "zh-CN", "show", lab.getParent().toString());
        assertTrue(zh.out().contains("获取 1.3") && zh.out().contains("版本 1.3"), zh.out());
    }
}
