package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help in the learner's language, and every command's summary a whole sentence in both languages. */
class HelpInChineseTest {
    @TempDir
    Path home;

    @Test
    void helpIsChineseForAChineseLearner() {
        ShellRun.Result r = new ShellRun(home).run("help", "--lang", "zh-CN");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("用法："), r.out());
        assertTrue(r.out().contains("一个逐步学习搭建 Kubernetes 集群的训练 shell。"), r.out());
        ShellRun.Result run = new ShellRun(home).env("LANG", "zh_CN.UTF-8").run("run", "--help");
        assertTrue(run.out().contains("运行步骤的命令，然后运行它的检查。"), "from LANG: " + run.out());
        assertTrue(run.out().contains("打印每个目标上的每条命令（机密已遮盖）；什么也不运行。"), run.out());
        ShellRun.Result en = new ShellRun(home).run("run", "--help", "--lang", "en");
        assertTrue(en.out().contains("Run a step's commands, then its checks."), en.out());
    }

    /** The command list shows each command's first line: it must be a sentence, not half of one. */
    @Test
    void everyCommandSummaryIsAWholeSentence() {
        for (String lang : new String[] {"en", "zh-CN"}) {
            ShellRun.Result r = new ShellRun(home).run("help", "--lang", lang);
            String commands = r.out().substring(r.out().indexOf(lang.equals("en") ? "Commands:" : "命令："));
            // An entry is its first line and the lines picocli wrapped it onto (indented further).
            java.util.List<String> entries = new java.util.ArrayList<>();
            for (String line : commands.split("\n")) {
                if (line.startsWith("  ") && !line.startsWith("    ")) {
                    entries.add(line.strip());
                } else if (line.startsWith("    ") && !entries.isEmpty()) {
                    entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
                }
            }
            assertTrue(entries.size() > 20, lang + ": " + entries);
            for (String summary : entries) {
                assertTrue(summary.endsWith(".") || summary.endsWith("。"), lang + ": not a whole sentence: " + summary);
            }
        }
    }

    /**
     * Every command's --help under zh-CN: each option and each positional parameter is described in
     * Chinese (a description line without a Chinese character is English left behind).
     */
    @Test
    void everyOptionAndParameterIsDescribedInChinese() {
        java.util.List<String> commands = new java.util.ArrayList<>();
        for (Class<?> c : io.kubelab.shell.commands.LabCommand.COMMANDS) {
            picocli.CommandLine.Command spec = c.getAnnotation(picocli.CommandLine.Command.class);
            if (!spec.hidden() && !spec.name().equals("help")) {
                commands.add(spec.name());
            }
        }
        commands.addAll(java.util.List.of("machines up", "machines down", "machines list", "machines ssh"));
        java.util.List<String> english = new java.util.ArrayList<>();
        for (String command : commands) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
            args.addAll(java.util.List.of("--help", "--lang", "zh-CN"));
            String help = new ShellRun(home).run(args.toArray(new String[0])).out();
            for (String line : help.split("\n")) {
                // "      --dry-run    description" or "      [[LAB] [STEP]...]   description"
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^ {2,}(?:-\\S+|\\[\\S.*?\\]|[A-Z|]+\\S*)"
                        + "(?:, -\\S+)?(?:=\\S+)? {2,}(\\S.*)$").matcher(line);
                if (m.matches() && !m.group(1).codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
                        == Character.UnicodeScript.HAN)) {
                    english.add(command + ": " + line.strip());
                }
            }
        }
        assertEquals(java.util.List.of(), english);
    }
}
