package io.kubelab.labs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.nodes.LocalNode;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.state.StepState;
import io.kubelab.labs.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content names a value, a pattern or a check once and uses it again: computed variables,
 * capture by a variable's own pattern, shared checks; and a supported list with its way out.
 */
class SayItOnceTest {
    @TempDir
    Path dir;
    RecordingListener events = new RecordingListener();

    static final String LAB = """
            format: 1
            id: once
            title: {en: Once, zh-CN: 一次}
            variables:
              minor:
                default: "1.36"
                pattern: '1\\.[0-9]+'
                supported: {values: ["1.34", "1.35", "1.36"], as_of: 2026-11, unless: allow_unsupported}
              allow_unsupported: {default: "false", choices: ["false", "true"]}
              conf: {value: "{{lab.workdir}}/conf-{{minor}}.txt"}
              hash: {pattern: 'sha256:[0-9a-f]{64}'}
            checks:
              - id: conf-written
                kind: command
                title: {en: the file is there, zh-CN: 文件已存在}
                with: {command: "test -s {{conf}}"}
            steps:
              - id: write
                title: {en: Write, zh-CN: 写入}
                actions:
                  - run: "echo minor {{minor}} > {{conf}}; printf 'join with --hash sha256:%064d\\\\n' 7"
                    capture: [hash]
                checks:
                  - use: conf-written
              - id: again
                title: {en: Again, zh-CN: 再次}
                checks:
                  - use: conf-written
            """;

    private LoadResult load(String text) throws IOException {
        Path labDir = Files.createDirectories(dir.resolve("once"));
        Files.writeString(labDir.resolve("lab.yaml"), text);
        return new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard()).load(new DirectoryLabFiles(labDir));
    }

    private LabSession session(Lab lab, Map<String, String> given) {
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString());
        SessionConfig config = new SessionConfig(dir.resolve("state"), env, "en", given, Prompter.NONE, events,
                CheckRegistry.standard(env), null);
        return new LabSession(lab, config, Nodes.localOnly(new LocalNode(new LocalHost(env, dir))));
    }

    @Test
    void aComputedValueASharedCheckAndACaptureByPatternWork() throws IOException {
        LoadResult r = load(LAB);
        assertFalse(r.hasErrors(), r.problems().toString());
        Lab lab = r.lab().orElseThrow();
        assertEquals(lab.step("write").orElseThrow().checks(), lab.step("again").orElseThrow().checks(),
                "both steps use the one definition");
        try (LabSession s = session(lab, Map.of())) {
            StepOutcome o = s.run(s.step("write"), RunOptions.defaults());
            assertEquals(StepState.DONE, o.state(), o.problem());
            Path conf = s.workFolder().resolve("conf-1.36.txt");
            assertEquals("minor 1.36\n", Files.readString(conf));
            assertEquals(conf.toString(), s.variables().get("conf").orElseThrow());
            assertEquals("sha256:" + "0".repeat(63) + "7", s.variables().get("hash").orElseThrow());
            Files.delete(conf);
            assertEquals(io.kubelab.checks.Status.FAIL,
                    s.check(List.of(s.step("again"))).results().get(0).result().status(),
                    "the shared check still looks, in the step that uses it");
        }
    }

    @Test
    void aComputedVariableCannotBeSet() throws IOException {
        Lab lab = load(LAB).lab().orElseThrow();
        LabException e = assertThrows(LabException.class, () -> Variables.checkNames(lab, java.util.Set.of("conf")));
        assertTrue(e.getMessage().contains("conf cannot be set: it is always {{lab.workdir}}/conf-{{minor}}.txt"),
                e.getMessage());
    }

    @Test
    void anUnsupportedValueIsRefusedWithTheListUnlessTheLearnerInsists() throws IOException {
        Lab lab = load(LAB).lab().orElseThrow();
        try (LabSession s = session(lab, Map.of("minor", "1.31"))) {
            LabException e = assertThrows(LabException.class, () -> s.run(s.step("write"), RunOptions.defaults()));
            assertEquals("minor 1.31 is not supported (supported as of 2026-11: 1.34, 1.35, 1.36); choose one with "
                    + "--set minor=1.36, or pass --set allow_unsupported=true to use 1.31 anyway", e.getMessage());
            assertFalse(Files.exists(s.workFolder().resolve("conf-1.31.txt")), "nothing ran");
        }
        try (LabSession s = session(lab, Map.of("minor", "1.31", "allow_unsupported", "true"))) {
            assertEquals(StepState.DONE, s.run(s.step("write"), RunOptions.defaults()).state());
            assertTrue(Files.exists(s.workFolder().resolve("conf-1.31.txt")));
        }
    }

    @Test
    void loadingRefusesWhatCannotWork() throws IOException {
        String broken = LAB
                .replace("default: \"1.36\"", "default: \"1.31\"")
                .replace("conf: {value: \"{{lab.workdir}}/conf-{{minor}}.txt\"}",
                        "conf: {value: \"{{other}}/x\", default: a}\n  other: {value: \"{{conf}}\"}")
                .replace("unless: allow_unsupported}", "unless: insist}")
                .replace("capture: [hash]", "capture: [minor, nothing]")
                .replace("      - use: conf-written\n  - id: again", "      - use: conf-writen\n  - id: again");
        List<String> messages = load(broken).problems().stream().map(Problem::toString).toList();
        String all = String.join("\n", messages);
        for (String expected : List.of(
                "default '1.31' of minor is not supported (supported as of 2026-11: 1.34, 1.35, 1.36)",
                "variable 'conf' is computed (value:), so it cannot have default:",
                "variable 'conf' is computed from itself: conf → other → conf",
                "supported: of 'minor' says unless: insist; declare that variable",
                "capture sets 'nothing', which is not declared",
                "no check 'conf-writen' under the lab's checks:; did you mean 'conf-written'?")) {
            assertTrue(all.contains(expected), "expected «" + expected + "» in:\n" + all);
        }
    }
}
