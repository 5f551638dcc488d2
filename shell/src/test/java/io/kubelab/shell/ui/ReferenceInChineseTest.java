package io.kubelab.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckKind;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.ParamSpec;
import io.kubelab.labs.actions.ActionKind;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.actions.Key;
import io.kubelab.shell.ShellRun;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference lab authors read (`lab checks`, `lab actions`) is Chinese under zh-CN, every phrase of it. */
class ReferenceInChineseTest {
    @TempDir
    Path home;

    /** Every summary and description the code has, in the order `lab checks` and `lab actions` show them. */
    private static Set<String> phrases() {
        Set<String> all = new LinkedHashSet<>();
        for (CheckKind k : CheckRegistry.standard(Map.of()).all()) {
            all.add(k.summary());
            k.params().stream().map(ParamSpec::description).forEach(all::add);
        }
        for (ActionKind k : ActionRegistry.standard().all()) {
            all.add(k.summary());
            for (Key key : k.keys()) {
                all.add(key.description());
                key.fields().stream().map(Key::description).forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void everyPhraseHasItsChineseAndNoneIsStale() {
        Set<String> said = phrases();
        assertTrue(said.size() > 150, "phrases: " + said.size());
        List<String> missing = said.stream().filter(p -> !Sentences.reference().containsKey(p)).toList();
        assertEquals(List.of(), missing, "add to shell/src/main/resources/io/kubelab/shell/ui/reference.zh-CN.txt");
        List<String> stale = Sentences.reference().keySet().stream().filter(p -> !said.contains(p)).toList();
        assertEquals(List.of(), stale, "translations of phrases the code no longer has");
        for (Map.Entry<String, String> e : Sentences.reference().entrySet()) {
            assertTrue(e.getValue().chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)
                    || e.getValue().matches("[a-z0-9 、，]+"), "Chinese, or only names: " + e);
        }
    }

    @Test
    void labChecksAndLabActionsSpeakChinese() {
        ShellRun lab = new ShellRun(home);
        ShellRun.Result checks = lab.run("checks", "command", "--lang", "zh-CN");
        assertTrue(checks.out().startsWith("command  [host]  命令以预期的状态退出，且其输出与某个模式匹配\n"), checks.out());
        assertTrue(checks.out().contains("    command (必填) command  要运行的 shell 命令\n"), checks.out());
        ShellRun.Result actions = lab.run("actions", "copy", "--lang", "zh-CN");
        assertTrue(actions.out().contains("        dest (必填) text  节点上的绝对路径；on: local 时为实验工作目录中的路径\n"),
                actions.out());
        // The JSON stays as the code writes it: for programs, not people.
        assertTrue(lab.run("checks", "command", "-o", "json", "--lang", "zh-CN").out().contains("\"the shell command to run\""));
        // Inside an error too: a check's parameter named with what it is for.
        assertEquals("检查 'command' 需要参数 'command'（要运行的 shell 命令）", Sentences.say(
                "check 'command' needs parameter 'command' (the shell command to run)", "zh-CN"));
    }
}
