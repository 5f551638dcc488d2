package io.kubelab.labs.run;

import io.kubelab.labs.Prompter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.Status;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.state.StepState;
import io.kubelab.labs.nodes.LocalNode;
import io.kubelab.labs.nodes.Nodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small lab run for real on this machine: captures, guards, secrets, failures, confirmation. */
class LabSessionTest {
    @TempDir
    Path dir;
    Path state;
    Lab lab;
    RecordingListener events;

    static final String LAB = """
            format: 1
            id: demo
            title: {en: Demo, zh-CN: 演示}
            variables:
              token: {secret: true, generate: bootstrap-token}
              join: {secret: true}
              code: {default: "0"}
            steps:
              - id: init
                title: {en: Init, zh-CN: 初始化}
                actions:
                  - run: |
                      echo "init with {{token}}"
                      printf 'Then you can join any number of worker nodes by running the following on each as root:\\n\\n'
                      printf 'kubeadm join 10.0.0.10:6443 --token {{token}} \\\\\\n\\t--discovery-token-ca-cert-hash sha256:%064d\\n' 0
                    capture:
                      join: 'kubeadm join (\\S+ --token [a-z0-9.]+\\s*\\\\?\\s*--discovery-token-ca-cert-hash sha256:[0-9a-f]{64})'
                  - run: touch {{lab.workdir}}/made
                    creates: "{{lab.workdir}}/made"
                checks:
                  - id: made
                    kind: command
                    with: {command: "test -f {{lab.workdir}}/made"}
              - id: use
                title: {en: Use, zh-CN: 使用}
                actions:
                  - run: echo "{{join}}" > {{lab.workdir}}/join.txt; exit {{code}}
              - id: recover
                title: {en: Recover, zh-CN: 恢复}
                actions:
                  - run: printf 'kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef \\\\\\n    --discovery-token-ca-cert-hash sha256:%064d\\n' 1
                    unless_set: [join]
                    capture:
                      join: '(kubeadm join \\S+ --token \\S+\\s*\\\\?\\s*--discovery-token-ca-cert-hash sha256:[0-9a-f]{64})'
                  - run: echo "never on {{hosts.nowhere}}"
                    if: "nowhere >= 3"
                  - run: echo "joining with {{join}}" > {{lab.workdir}}/joined
              - id: teardown
                title: {en: Teardown, zh-CN: 清理}
                optional: true
                confirm: {en: Delete everything?, zh-CN: 删除一切？}
                actions:
                  - run: rm -f {{lab.workdir}}/made
            """;

    @BeforeEach
    void setUp() throws IOException {
        state = dir.resolve("state");
        Path labDir = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(labDir.resolve("lab.yaml"), LAB);
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard()).load(new DirectoryLabFiles(labDir));
        assertFalse(r.hasErrors(), r.problems().toString());
        lab = r.lab().orElseThrow();
        events = new RecordingListener();
    }

    private LabSession session(Map<String, String> given) {
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString());
        SessionConfig config = new SessionConfig(state, env, "en", given, Prompter.NONE, events,
                CheckRegistry.standard(env), null);
        return new LabSession(lab, config, Nodes.localOnly(new LocalNode(new LocalHost(env, dir))));
    }

    @Test
    void runsCapturesAndNeverLetsASecretOut() throws IOException {
        String token;
        String join;
        try (LabSession s = session(Map.of())) {
            StepOutcome o = s.run(s.step("init"), RunOptions.defaults());
            assertEquals(StepState.DONE, o.state(), o.problem());
            assertEquals(Status.PASS, o.checks().get(0).result().status());
            token = s.variables().get("token").orElseThrow();
            join = s.variables().get("join").orElseThrow();
            assertTrue(join.startsWith("10.0.0.10:6443 --token " + token), join);
            assertTrue(events.all().contains("start local: echo \"init with ******\""), events.all());
            assertTrue(events.all().contains("out local: init with ******"), events.all());
            assertTrue(events.all().contains("captured join = 10.0.0.10:6443 --token ****** --discovery-token-ca-cert-hash"),
                    events.all());

            StepOutcome use = s.run(s.step("use"), RunOptions.defaults());
            assertEquals(StepState.DONE, use.state(), use.problem());
            assertTrue(Files.readString(s.workFolder().resolve("join.txt")).contains(token), "the real value is used");
        }
        assertFalse(events.all().contains(token));
        try (Stream<Path> files = Files.walk(state)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("join.txt")).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains(token), "token leaked into " + f);
                assertFalse(text.contains(join), "join command leaked into " + f);
            }
        }
        assertTrue(Files.readString(state.resolve("transcripts/" + lab.stateKey() + ".jsonl")).contains("\"step\":\"init\""));
    }

    @Test
    void runningAStepAgainSkipsWhatIsDone() {
        try (LabSession s = session(Map.of())) {
            s.run(s.step("init"), RunOptions.defaults());
            events.events.clear();
            StepOutcome again = s.run(s.step("init"), RunOptions.defaults());
            assertEquals(StepState.DONE, again.state());
            assertTrue(events.all().contains("skip local: touch "), events.all());
        }
    }

    @Test
    void aFailingCommandFailsTheStepNamingWhereAndWhy() {
        try (LabSession s = session(Map.of("code", "3"))) {
            s.run(s.step("init"), RunOptions.defaults());
            StepOutcome o = s.run(s.step("use"), RunOptions.defaults());
            assertEquals(StepState.FAILED, o.state());
            assertEquals("local: exit status 3", o.problem());
            assertEquals(StepState.FAILED, s.progress().step("use").state());
        }
    }

    @Test
    void aCapturedSecretIsNotStoredSoANewSessionSaysWhereItComesFrom() {
        try (LabSession s = session(Map.of())) {
            s.run(s.step("init"), RunOptions.defaults());
        }
        try (LabSession s = session(Map.of())) {
            LabException e = assertThrows(LabException.class, () -> s.run(s.step("use"), RunOptions.defaults()));
            assertEquals("{{join}} is captured by step 'init', which has not run in this session; run it first "
                    + "(lab run init)", e.getMessage());
        }
    }

    @Test
    void aStepThatAsksFirstNeedsYesWithoutATerminal() {
        try (LabSession s = session(Map.of())) {
            LabException e = assertThrows(LabException.class, () -> s.run(s.step("teardown"), RunOptions.defaults()));
            assertEquals("step 'teardown' asks first (Delete everything?); pass --yes to run it without asking",
                    e.getMessage());
            StepOutcome o = s.run(s.step("teardown"), new RunOptions(true, null, 0));
            assertEquals(StepState.DONE, o.state());
        }
    }

    @Test
    void aDryRunShowsEachCommandMaskedAndTouchesNothing() {
        try (LabSession s = session(Map.of())) {
            s.plan(lab.steps());
            assertTrue(events.all().contains("plan local: echo \"init with ******\""), events.all());
            assertTrue(events.all().contains("# skipped where " + s.workFolder() + "/made exists"), events.all());
            assertFalse(Files.exists(s.workFolder().resolve("made")));
            assertEquals(StepState.PENDING, s.progress().step("init").state());
        }
    }

    @Test
    void aLostJoinCommandIsRecoveredOnceAndKeptOnOneLine() throws IOException {
        try (LabSession s = session(Map.of())) {
            StepOutcome o = s.run(s.step("recover"), RunOptions.defaults());
            assertEquals(StepState.DONE, o.state(), o.problem());
            String join = s.variables().get("join").orElseThrow();
            assertEquals("kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:"
                    + "0".repeat(63) + "1", join);
            assertTrue(events.all().contains("skip local: echo \"never on {{hosts.nowhere}}\" (only when nowhere >= 3; nowhere has 0)"),
                    events.all());
            events.events.clear();
            s.run(s.step("recover"), RunOptions.defaults());
            assertTrue(events.all().contains("({{join}} already known)"), events.all());
        }
    }

    @Test
    void progressSurvivesANewSession() {
        try (LabSession s = session(Map.of())) {
            s.run(s.step("init"), RunOptions.defaults());
            s.next();
            s.hint(s.current());
        }
        try (LabSession s = session(Map.of())) {
            assertEquals("use", s.current().id());
            assertEquals(StepState.DONE, s.progress().step("init").state());
        }
    }
}
