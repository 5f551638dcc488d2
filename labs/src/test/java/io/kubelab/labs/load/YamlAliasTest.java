package io.kubelab.labs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.actions.RunAction;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alias means the node its anchor marked, everywhere: `run: *cmd` runs the anchored command, not the word cmd. */
class YamlAliasTest {

    @Test
    void anAliasIsTheAnchoredNodeInActionsChecksAndTexts(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("aliases"));
        Files.writeString(folder.resolve("lab.yaml"), """
                format: 1
                id: aliases
                title: &title {en: Aliases, zh-CN: 别名}
                steps:
                  - id: one
                    title: *title
                    actions:
                      - run: &hello echo hello
                        timeout: &quick 30s
                      - run: *hello
                        timeout: *quick
                    checks:
                      - id: said
                        kind: command
                        with: &said {command: echo hello, match: hello}
                      - id: again
                        kind: command
                        with: *said
                """);
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(folder));
        assertEquals(java.util.List.of(), r.problems());
        Lab lab = r.lab().orElseThrow();
        Step step = lab.steps().get(0);
        RunAction second = (RunAction) step.actions().get(1); // the test knows the kind it wrote
        assertEquals("echo hello", second.command());
        assertEquals(java.time.Duration.ofSeconds(30), second.timeout());
        assertEquals(step.checks().get(0).params(), step.checks().get(1).params());
        assertEquals("Aliases", step.title().in("en"));
    }
}
