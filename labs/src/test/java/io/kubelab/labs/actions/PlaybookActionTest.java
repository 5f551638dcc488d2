package io.kubelab.labs.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.nodes.LocalNode;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.RecordingListener;
import io.kubelab.labs.run.RunOptions;
import io.kubelab.labs.run.SessionConfig;
import io.kubelab.labs.run.StepOutcome;
import io.kubelab.labs.state.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playbook action with the real ansible-playbook (Debian's, here) on two hosts of a local
 * connection: what lab shows of the run is checked against what Ansible's own JSON callback says
 * of the same playbook.
 */
class PlaybookActionTest {
    @TempDir
    Path dir;
    RecordingListener events = new RecordingListener();
    Path tree;

    static final String PLAYBOOK = """
            - name: Prepare
              hosts: all
              gather_facts: false
              tasks:
                - name: Say hello
                  ansible.builtin.command: echo hello
                - name: Check the disk
                  ansible.builtin.fail:
                    msg: "disk /var is full on {{ inventory_hostname }}"
                  when: inventory_hostname in (broken | default('')).split(',')
            - name: Finish
              hosts: all
              gather_facts: false
              tasks:
                - name: Done
                  ansible.builtin.debug:
                    msg: done
            """;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-playbook")), "ansible is not installed here");
        tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("site.yml"), PLAYBOOK);
        Files.writeString(tree.resolve("hosts.yaml"), """
                all:
                  hosts:
                    node-1: {ansible_connection: local, ansible_python_interpreter: /usr/bin/python3}
                    node-2: {ansible_connection: local, ansible_python_interpreter: /usr/bin/python3}
                """);
    }

    private LabSession session() throws Exception {
        return session("en");
    }

    private LabSession session(String language) throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("pb"));
        Files.writeString(labDir.resolve("lab.yaml"), """
                format: 1
                id: pb
                title: {en: Playbook, zh-CN: 剧本}
                variables:
                  tree: {default: "%s"}
                  broken: {default: none}
                steps:
                  - id: deploy
                    title: {en: Deploy, zh-CN: 部署}
                    actions:
                      - playbook: site.yml
                        dir: "{{tree}}"
                        inventory: "{{tree}}/hosts.yaml"
                        extra: "-e broken={{broken}}"
                """.formatted(tree));
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir));
        assertTrue(r.lab().isPresent(), r.problems().toString());
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString());
        return new LabSession(r.lab().get(), new SessionConfig(dir.resolve("state"), env, language, Map.of(), Prompter.NONE,
                events, CheckRegistry.standard(env), null), Nodes.localOnly(new LocalNode(new LocalHost(env, dir))));
    }

    /** The recap Ansible's json callback reports for the same run, host by host, in lab's words. */
    private List<String> ansiblesOwnRecap(String broken) throws Exception {
        ExecResult r = new LocalHost(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()), tree).exec(ExecRequest.of(
                "ANSIBLE_STDOUT_CALLBACK=ansible.posix.json ansible-playbook -i hosts.yaml site.yml -e broken=" + broken,
                Duration.ofMinutes(2)));
        JsonNode stats = JsonMapper.builder().build().readTree(r.stdout()).get("stats");
        List<String> out = new ArrayList<>();
        stats.properties().forEach(e -> out.add(String.format("  %-16s ok=%d changed=%d unreachable=%d failed=%d skipped=%d",
                e.getKey(), e.getValue().get("ok").asInt(), e.getValue().get("changed").asInt(),
                e.getValue().get("unreachable").asInt(), e.getValue().get("failures").asInt(),
                e.getValue().get("skipped").asInt())));
        return out;
    }

    private List<String> shown() {
        return events.text().lines().filter(l -> l.startsWith("out local: ")).map(l -> l.substring("out local: ".length()))
                .toList();
    }

    @Test
    void aTaskFailingOnOneHostIsNamedWithItsMessageAndTheRecapIsAnsibles() throws Exception {
        StepOutcome out;
        try (LabSession s = session()) {
            s.set("broken", "node-2");
            out = s.run(s.step("deploy"), RunOptions.defaults());
        }
        assertEquals(StepState.FAILED, out.state());
        assertEquals("local: failed on node-2 at task 'Check the disk': disk /var is full on node-2", out.problem());
        List<String> shown = shown();
        assertEquals("PLAY [1/2] Prepare", shown.get(0));
        assertTrue(shown.get(1).matches("▓{6}░{14} 1/3 tasks · play 1/2 · 0m\\d\\ds  Say hello"), shown.get(1));
        assertTrue(shown.contains("  ✗ node-2: disk /var is full on node-2"), shown.toString());
        int recap = shown.indexOf(shown.stream().filter(l -> l.startsWith("RECAP after ")).findFirst().orElseThrow());
        assertEquals(ansiblesOwnRecap("node-2"), shown.subList(recap + 1, shown.size()));
        assertTrue(events.text().contains("start local: cd " + tree + " && ANSIBLE_STDOUT_CALLBACK=ansible.posix.jsonl "
                + "ANSIBLE_NOCOLOR=1 ansible-playbook -i " + tree + "/hosts.yaml site.yml -e broken=node-2"), events.text());
    }

    @Test
    void aRunWhereEveryHostSucceeds() throws Exception {
        StepOutcome out;
        try (LabSession s = session()) {
            out = s.run(s.step("deploy"), RunOptions.defaults());
        }
        assertEquals(StepState.DONE, out.state(), out.toString());
        List<String> shown = shown();
        assertTrue(shown.stream().anyMatch(l -> l.matches("▓{20} 3/3 tasks · play 2/2 · 0m\\d\\ds  Done")), shown.toString());
        int recap = shown.indexOf(shown.stream().filter(l -> l.startsWith("RECAP after ")).findFirst().orElseThrow());
        assertEquals(ansiblesOwnRecap("none"), shown.subList(recap + 1, shown.size()));
    }

    /** lab's own lines in the learner's language; Ansible's words (task names, its message, the recap) as Ansible says them. */
    @Test
    void inChinese() throws Exception {
        StepOutcome out;
        try (LabSession s = session("zh-CN")) {
            s.set("broken", "node-2");
            out = s.run(s.step("deploy"), RunOptions.defaults());
        }
        List<String> shown = shown();
        assertEquals("第 1/2 个 play：Prepare", shown.get(0));
        assertTrue(shown.get(1).matches("▓{6}░{14} 任务 1/3 · play 1/2 · 0m\\d\\ds  Say hello"), shown.get(1));
        assertTrue(shown.contains("  ✗ node-2：disk /var is full on node-2"), shown.toString());
        int recap = shown.indexOf(shown.stream().filter(l -> l.matches("汇总（用时 0m\\d\\ds）")).findFirst().orElseThrow());
        assertEquals(ansiblesOwnRecap("node-2"), shown.subList(recap + 1, shown.size()));
        // The run's problem is the engine's sentence, said in Chinese where it is shown (the shell's errors file).
        assertEquals("local: failed on node-2 at task 'Check the disk': disk /var is full on node-2", out.problem());
    }

    @Test
    void theListingGivesTheTotals() {
        assertEquals(List.of(2, 3), java.util.Arrays.stream(PlaybookAction.totals("""
                playbook: site.yml

                  play #1 (all): Prepare\tTAGS: []
                    tasks:
                      Say hello\tTAGS: []
                      Check the disk\tTAGS: []

                  play #2 (all): Finish\tTAGS: []
                    tasks:
                      Done\tTAGS: []
                """)).boxed().toList());
    }
}
