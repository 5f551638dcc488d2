package io.kubelab.labs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `validate --strict` asks of authors, each rule once failing and once met. */
class StrictRulesTest {
    @TempDir
    Path dir;

    private List<String> strict(String yaml) throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("s"));
        Files.writeString(labDir.resolve("lab.yaml"), yaml);
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir));
        Lab lab = r.lab().orElseThrow(() -> new AssertionError(r.problems().toString()));
        return StrictRules.check(lab, Location.of("s/lab.yaml")).stream().map(Problem::message).toList();
    }

    @Test
    void eachRuleNamesWhatIsMissing() throws Exception {
        List<String> said = strict("""
                format: 1
                id: s
                title: {en: S, zh-CN: 严}
                variables:
                  used: {default: a}
                  unused: {default: b}
                steps:
                  - id: unchecked
                    title: {en: "Echo {{used}}", zh-CN: "回显 {{used}}"}
                    actions:
                      - run: echo hi
                  - id: nothing-to-run
                    title: {en: Look, zh-CN: 看}
                    checks:
                      - id: hintless
                        kind: command
                        with: {command: "true"}
                """);
        assertEquals(List.of(
                "step 'unchecked' has no check: a learner cannot see that it worked; add one under checks:",
                "step 'nothing-to-run' runs nothing and has no solution: write the commands a learner types under "
                        + "solution: {en: ..., zh-CN: ...}",
                "check 'hintless' of step 'nothing-to-run' has no hint in English and Chinese: say what to do when it "
                        + "fails, hint: {en: ..., zh-CN: ...}",
                "variable 'unused' is declared but nothing uses it; use it or remove it"), said);
    }

    @Test
    void aLabThatMeetsThemHasNothingToSay() throws Exception {
        assertTrue(strict("""
                format: 1
                id: s
                title: {en: S, zh-CN: 严}
                variables:
                  word: {default: hi}
                steps:
                  - id: echo
                    title: {en: Echo, zh-CN: 回显}
                    actions:
                      - run: echo {{word}} > /dev/null
                    checks:
                      - id: ok
                        kind: command
                        with: {command: "true"}
                        hint: {en: Run it again., zh-CN: 再运行一次。}
                """).isEmpty());
    }
}
