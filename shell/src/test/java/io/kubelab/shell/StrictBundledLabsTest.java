package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.LabCatalog;
import io.kubelab.labs.load.StrictRules;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bundled lab passes `validate --strict`, and the command says what a lab lacks, in Chinese too. */
class StrictBundledLabsTest {
    @TempDir
    Path home;

    @Test
    void everyBundledLabPassesStrict() {
        LabCatalog catalog = new LabCatalog(getClass().getClassLoader(), CheckRegistry.standard(Map.of()),
                ActionRegistry.standard(), Path.of("."));
        List<String> wrong = new ArrayList<>();
        for (String id : catalog.bundledIds()) {
            StrictRules.check(catalog.load(id), Location.of(id + "/lab.yaml")).stream().map(Problem::toString)
                    .forEach(wrong::add);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void validateStrictFailsAndSaysWhy() throws Exception {
        Path lab = Files.createDirectories(home.resolve("loose"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: loose
                title: {en: Loose, zh-CN: 松散}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    actions:
                      - run: "true"
                    checks:
                      - id: hintless
                        kind: command
                        with: {command: "true"}
                """);
        ShellRun.Result plain = new ShellRun(home).run("validate", lab.toString());
        assertEquals(0, plain.exit(), plain.toString());
        ShellRun.Result r = new ShellRun(home).run("validate", "--strict", lab.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.out().contains("check 'hintless' of step 'one' has no hint in English and Chinese"), r.out());
        ShellRun.Result zh = new ShellRun(home).run("validate", "--strict", lab.toString(), "--lang", "zh-CN");
        assertTrue(zh.out().contains("步骤 'one' 的检查 'hintless' 没有中英文提示"), zh.out());
    }
}
