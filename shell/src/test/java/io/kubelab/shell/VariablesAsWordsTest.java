package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.shell.ShellRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A variable is one shell word of data in a command: a value cannot run, and a path with a space stays one path. */
class VariablesAsWordsTest {
    @TempDir
    Path home;

    private Path lab(String yaml) throws Exception {
        Path lab = Files.createDirectories(home.resolve("words"));
        Files.writeString(lab.resolve("lab.yaml"), yaml);
        return lab;
    }

    @Test
    void aValueThatLooksLikeCodeIsOnlyData() throws Exception {
        Path marker = home.resolve("x");
        Path lab = lab("""
                format: 1
                id: words
                title: {en: Words, zh-CN: 词}
                variables:
                  name: {default: world}
                steps:
                  - id: greet
                    title: {en: Greet, zh-CN: 问候}
                    actions:
                      - run: echo hello {{name}}
                    checks:
                      - id: said
                        kind: command
                        with: {command: 'printf "%s" {{name}}', match: '^\\$\\(touch '}
                """);
        String value = "$(touch " + marker + ")";
        Result run = new ShellRun(home).run("--set", "name=" + value, "run", lab.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("hello $(touch " + marker + ")"), run.out());
        Result again = new ShellRun(home).run("check", lab.toString()); // the value kept in progress
        assertEquals(0, again.exit(), again.toString());
        assertFalse(Files.exists(marker), "the value ran: " + run);
    }

    @Test
    void aStateFolderWithASpaceWorksInEveryWorkdirCommand() throws Exception {
        Path lab = lab("""
                format: 1
                id: words
                title: {en: Words, zh-CN: 词}
                steps:
                  - id: make
                    title: {en: Make, zh-CN: 制作}
                    actions:
                      - run: echo made > {{lab.workdir}}/made.txt && cat {{lab.workdir}}/made.txt
                    checks:
                      - {id: made, kind: file, with: {path: "{{lab.workdir}}/made.txt"}}
                      - {id: read, kind: command, with: {command: 'cat {{lab.workdir}}/made.txt', match: '^made$'}}
                """);
        Path state = home.resolve("my state");
        Result run = new ShellRun(home).run("--state-dir", state.toString(), "run", lab.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Files.exists(state.resolve("work/" + new DirectoryLabFiles(lab).stateKey() + "/made.txt")), run.toString());
        Result check = new ShellRun(home).run("--state-dir", state.toString(), "check", lab.toString());
        assertEquals(0, check.exit(), check.toString());
    }

    @Test
    void validateAsksForAPatternOnRawUsesAndRefusesUnknownFilters() throws Exception {
        Path lab = lab("""
                format: 1
                id: words
                title: {en: Words, zh-CN: 词}
                variables:
                  cmd: {default: "echo hi"}
                  safe: {default: "echo hi", pattern: 'echo [a-z]+'}
                  size: {default: small, choices: [small, large]}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    actions:
                      - run: "{{cmd | raw}} && {{safe | raw}} && echo {{size|raw}}"
                      - run: "echo {{cmd | upper}}"
                """);
        Result v = new ShellRun(home).run("validate", lab.toString());
        assertEquals(2, v.exit(), v.toString());
        String all = v.out() + v.err();
        assertTrue(all.contains("lab.yaml:12:14: warning: {{cmd | raw}} puts its value in as shell code"), all);
        assertFalse(all.contains("{{safe | raw}} puts"), all);
        assertFalse(all.contains("{{size | raw}} puts"), all);
        assertTrue(all.contains("lab.yaml:13:14: error: unknown filter '| upper'; the only one is {{name | raw}}"), all);
    }
}
