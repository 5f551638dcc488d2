package io.kubelab.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.shell.ShellRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's errors reach a Chinese learner in Chinese, values kept exactly. */
class SentencesTest {
    @TempDir
    Path home;

    @Test
    void everyTranslationKeepsItsPlaceholders() {
        Pattern placeholder = Pattern.compile("\\{\\d}");
        assertTrue(Sentences.all().size() > 30, "templates: " + Sentences.all().size());
        for (Sentences.Translation t : Sentences.all()) {
            Set<String> en = new TreeSet<>(placeholder.matcher(t.english()).results().map(r -> r.group()).toList());
            Set<String> zh = new TreeSet<>(placeholder.matcher(t.chinese()).results().map(r -> r.group()).toList());
            assertEquals(en, zh, t.english());
        }
    }

    @Test
    void valuesAreKeptAndAnUnknownSentenceStaysAsItIs() {
        assertEquals("实验 'kubeadm' 没有步骤 'nosuch'；它的步骤有：preflight, install",
                Sentences.say("lab 'kubeadm' has no step 'nosuch'; its steps are: preflight, install", "zh-CN"));
        assertEquals("k8s_minor 1.31 已不受支持（截至 2026-11 受支持的是：1.34, 1.35, 1.36）；用 --set k8s_minor=1.36 "
                        + "选择其中之一，或者加上 --set allow_unsupported=true 仍然使用 1.31",
                Sentences.say("k8s_minor 1.31 is not supported (supported as of 2026-11: 1.34, 1.35, 1.36); choose one "
                        + "with --set k8s_minor=1.36, or pass --set allow_unsupported=true to use 1.31 anyway", "zh-CN"));
        assertEquals("something new", Sentences.say("something new", "zh-CN"));
        assertEquals("cp：无法连接 root@127.0.0.1:1：连接被拒绝（sshd 在运行并监听该端口吗？）", Sentences.say("cp: cannot "
                + "connect to root@127.0.0.1:1: connection refused (is sshd running and listening on that port?)", "zh-CN"));
        assertEquals("lab 'x' has no step 'y'; its steps are: a", Sentences.say("lab 'x' has no step 'y'; its steps are: a", "en"));
        // A playbook's failure: Ansible's message kept, the other hosts counted outside it.
        assertEquals("node-2 在任务 'Check the disk' 上失败：disk /var is full（另有 2 台主机也出了问题）", Sentences.say(
                "failed on node-2 at task 'Check the disk': disk /var is full (and 2 more)", "zh-CN"));
        assertEquals("node-2 在任务 'Check the disk' 上失败：disk (and all) is full", Sentences.say(
                "failed on node-2 at task 'Check the disk': disk (and all) is full", "zh-CN"));
    }

    /** Logging in and sudo, with the English parts of a value said too (the key, what the host now offers). */
    /** A value left empty between quotes is still a value; a value named twice must be the same text both times. */
    @Test
    void emptyQuotedValuesAndRepeatedValues() {
        assertEquals("答案 '' 不是任何一个选项；可用的有：a, b", Sentences.say("answer '' is not a choice; use one of: a, b", "zh-CN"));
        assertEquals("控制字符 \\r：终端会对它做出反应，因此 lab 把它显示为 '\\r'，运行时保持原样；请删除它，或把你的意思写成文本",
                Sentences.say("control character \\r: a terminal would act on it, so lab shows it as '\\r' and runs it "
                        + "unchanged; remove it, or write what you mean as text", "zh-CN"));
        String different = "control character \\r: a terminal would act on it, so lab shows it as '\\e' and runs it "
                + "unchanged; remove it, or write what you mean as text";
        assertEquals(different, Sentences.say(different, "zh-CN"), "two different values are not one");
    }

    @Test
    void loginSudoAndHostKeysSpeakChinese() {
        assertEquals("node-1：已连接到 root@10.0.0.1:22，但服务器拒绝了以 root 身份登录（所用的是密钥 ~/.ssh/id_*；公钥在 "
                + "~root/.ssh/authorized_keys 中吗？）", Sentences.say("node-1: reached root@10.0.0.1:22 but could not log in "
                + "as root with key ~/.ssh/id_*: the server refused it (is the public key in ~root/.ssh/authorized_keys?)", "zh-CN"));
        assertEquals("node-2：sudo 需要 kim 的密码，而 lab 在这里无法询问；请在终端中运行 lab，或允许 kim 免密码使用 sudo",
                Sentences.say("node-2: sudo needs a password for kim and lab cannot ask here; run lab in a terminal, or allow "
                        + "passwordless sudo for kim", "zh-CN"));
        assertEquals("[sudo] kim@node-2 的密码：", Sentences.say("[sudo] password for kim@node-2:", "zh-CN"));
        // What `lab machines` says while it works.
        assertEquals("正在启动 node-1（10.79.0.11）", Sentences.say("booting node-1 (10.79.0.11)", "zh-CN"));
        assertEquals("node-4 已启动，但有单元失败；systemd 的报告：degraded | x.service failed", Sentences.say(
                "node-4 booted, though a unit failed; systemd says: degraded | x.service failed", "zh-CN"));
        assertEquals("n1：n1 (10.0.0.1) 的主机密钥已改变：/k:3 记录的是 SHA256:a，而主机现在提供的是 ED25519 SHA256:b。可能有人在截获"
                + "连接，也可能节点被重建了；如果确定是重建的，请删除 /k 的第 3 行（ssh-keygen -R '10.0.0.1' -f /k），然后重新连接",
                Sentences.say("n1: host key of n1 (10.0.0.1) has CHANGED: /k:3 has SHA256:a, the host now offers ED25519 "
                        + "SHA256:b. Someone may be intercepting the connection, or the node was rebuilt; if you are sure it "
                        + "was rebuilt, remove line 3 of /k (ssh-keygen -R '10.0.0.1' -f /k) and connect again", "zh-CN"));
    }

    @Test
    void aChineseLearnerSeesTheEnginesErrorsInChinese() {
        for (List<String> args : List.of(List.of("show", "kubeadm", "nosuch"), List.of("run", "kubeadm", "install"),
                List.of("answer", "minikube", "z"), List.of("vars", "kubeadm", "--set", "admin_conf=/x"))) {
            List<String> all = new java.util.ArrayList<>(args);
            all.add("--lang");
            all.add("zh-CN");
            ShellRun.Result r = new ShellRun(home).run(all.toArray(new String[0]));
            assertEquals(2, r.exit(), r.toString());
            String line = r.err().strip();
            assertTrue(line.startsWith("lab："), line);
            assertTrue(line.chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), "Chinese: " + line);
        }
    }

    @Test
    void aFailedStepAQuestionAndTheStatusSpeakChinese() {
        ShellRun lab = new ShellRun(home).env("PATH", "/usr/bin:/bin");
        ShellRun.Result run = lab.run("run", "minikube", "install", "--lang", "zh-CN");
        assertTrue(run.err().contains("步骤 install 未完成：本机：退出状态 127"), run.err());
        assertTrue(run.out().contains("✗ 本机：退出状态 127"), run.out());
        ShellRun.Result check = lab.run("check", "minikube", "question", "--lang", "zh-CN");
        assertTrue(check.out().contains("— 尚未作答"), check.out());
        // The summary in Chinese word order, with the Chinese enumeration comma.
        ShellRun.Result install = lab.run("check", "minikube", "install", "--lang", "zh-CN", "--color", "never");
        String word = "(通过|失败|警告|跳过|错误)";
        assertTrue(install.out().matches("(?s).*\\n检查结果：" + word + " [1-9] 项(、" + word + " [1-9] 项)*。\\n.*"),
                install.out());
        assertFalse(install.out().contains(", "), "no English comma in a Chinese summary: " + install.out());
        // Where a command runs is a label, as Chinese writes one: 本机：, not 本机:.
        assertTrue(lab.run("run", "minikube", "--dry-run", "--lang", "zh-CN").out().contains("  本机：minikube version"));
        ShellRun.Result status = lab.run("status", "minikube", "--lang", "zh-CN");
        assertTrue(status.out().contains("清理（可选）\n"), "the title says it is optional, once: " + status.out());
        ShellRun.Result en = lab.run("status", "minikube", "--lang", "en");
        assertTrue(en.out().contains("Clean up (optional)\n"), en.out());
    }

    /**
     * A sweep of the usual mistakes under zh-CN: each answer is one line, in Chinese. (An English
     * sentence left over shows here as a line without a Chinese character.)
     */
    @Test
    void everyUsualMistakeIsAnsweredInChinese() {
        String[][] mistakes = {
            {"check", "minikub"}, {"chekc"}, {"check", "minikube", "--fast"}, {"check", "minikube", "-o", "yaml"},
            {"status", "minikube", "-o", "junit"}, {"env", "-o", "junit"}, {"--set", "nosuch=1", "status", "minikube"},
            {"start", "mine"}, {"env"}, {"answer", "minikube", "e"}, {"show", "minikube", "strat"},
            {"reset", "minikube", "--all"}, {"completion", "fish"}, {"goto", "minikube", "99"},
            {"set", "minikube", "nonsense"}, {"vars", "minikube", "--set", "cpus=abc"},
            {"run", "kubeadm", "install"}, {"run", "minikube", "--parallel", "0"}, {"vars", "kubeadm", "--set", "cni=weave"},
        };
        for (String[] words : mistakes) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(words));
            args.add("--lang");
            args.add("zh-CN");
            ShellRun.Result r = new ShellRun(home).run(args.toArray(new String[0]));
            String line = r.err().strip();
            String where = String.join(" ", words) + ": " + line;
            assertEquals(1, line.lines().count(), where);
            assertTrue(line.startsWith("lab："), where);
            assertTrue(line.chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), "not in Chinese: " + where);
        }
    }
}
