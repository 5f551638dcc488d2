package io.kubelab.shell.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.host.Cancellation;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.nodes.NodeFactory;
import io.kubelab.labs.nodes.NodeSettings;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.RunListener;
import io.kubelab.labs.run.SessionConfig;
import io.kubelab.shell.ShellRun.Result;
import io.kubelab.shell.ShellRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `lab` against real OpenSSH nodes in network namespaces (e2e/nodes.sh). Run by e2e/run.sh as root. */
@Tag("e2e")
class SshNodesEndToEndTest {
    @TempDir
    Path dir;
    Nodes nodes;
    Path inventory;
    Path home;

    @BeforeEach
    void setUp() throws Exception {
        nodes = new Nodes();
        home = nodes.home(Files.createDirectories(dir.resolve("home")));
        inventory = nodes.writeInventory(dir.resolve("hosts.yaml"));
        for (int i = 1; i <= nodes.count(); i++) {
            nodes.ssh(i, "rm -rf /root/e2e");
        }
    }

    private Result lab(String... args) {
        Result r = new ShellRun(home).env("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin").env("USER", "root")
                .run(args);
        return r;
    }

    @Test
    void envListsThreeDistinctHostnames() throws Exception {
        Result r = lab("env", "--inventory", inventory.toString(), "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode hosts = JsonMapper.builder().build().readTree(r.out()).get("hosts");
        Set<String> names = new TreeSet<>();
        hosts.forEach(h -> {
            assertTrue(h.get("reachable").asBoolean() && h.get("authenticated").asBoolean(), h.toString());
            names.add(h.get("hostname").asString());
        });
        assertEquals(Set.of("node-1", "node-2", "node-3"), names);
    }

    static final String SPREAD_LAB = """
            format: 1
            id: spread
            title: {en: Spread, zh-CN: 分发}
            variables:
              greeting: {default: hello}
              secs: {default: "0"}
            steps:
              - id: spread
                title: {en: Spread a file to the workers, zh-CN: 把文件分发给工作节点}
                actions:
                  - copy:
                      content: "{{greeting}} from lab to {{host.name}}\\n"
                      dest: /root/e2e/greeting.txt
                      mode: "0640"
                    on: kube_node
                  - run: sleep {{secs}}; hostname > /root/e2e/ran-on
                    on: kube_node
                checks:
                  - id: copied
                    kind: command
                    on: kube_node
                    with: {command: "cat /root/e2e/greeting.txt", match: "^hello from lab"}
            """;

    private Path spreadLab() throws Exception {
        Path lab = Files.createDirectories(dir.resolve("spread"));
        Files.writeString(lab.resolve("lab.yaml"), SPREAD_LAB);
        return lab;
    }

    @Test
    void aStepOnKubeNodeReachesExactlyThoseNodes() throws Exception {
        Result r = lab("run", spreadLab().toString(), "--inventory", inventory.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("  node2 | ") || r.out().contains("→ node2 "), r.out());
        assertTrue(r.out().contains("✓ node2: done in") && r.out().contains("✓ node3: done in"), r.out());
        assertTrue(r.out().contains("✓ pass  copied@node2, node3"), "one line for both nodes: " + r.out());
        for (int i = 2; i <= 3; i++) {
            assertEquals("hello from lab to node" + i + "\n", nodes.ssh(i, "cat /root/e2e/greeting.txt"));
            assertEquals("640\n", nodes.ssh(i, "stat -c %a /root/e2e/greeting.txt"));
            assertEquals("node-" + i + "\n", nodes.ssh(i, "cat /root/e2e/ran-on"));
        }
        assertEquals("absent\n", nodes.ssh(1, "test -e /root/e2e/greeting.txt && echo present || echo absent"));
        // The inventory was remembered: the lab's next command needs no --inventory.
        Result again = lab("check", spreadLab().toString());
        assertEquals(0, again.exit(), again.toString());
    }

    @Test
    void aNodeThatGoesAwayMidRunIsNamedAndTheLabResumes() throws Exception {
        Path lab = spreadLab();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(2500);
                nodes.stop(3);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopper.start();
        long started = System.nanoTime();
        Result r;
        try {
            r = lab("run", lab.toString(), "--inventory", inventory.toString(), "--set", "secs=8");
        } finally {
            stopper.join();
        }
        try {
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(40).toNanos(), "no hang");
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains("step spread did not finish: node3: unreachable: connection to "
                    + "root@10.77.0.13:22 lost"), r.toString());
            assertTrue(r.out().contains("✓ node2: done in"), "node2 finished: " + r.out());
            Result status = lab("status", lab.toString(), "-o", "json");
            assertEquals("failed", JsonMapper.builder().build().readTree(status.out()).get("steps").get(0)
                    .get("state").asString());
        } finally {
            nodes.start(3);
        }
        Result again = lab("run", lab.toString());
        assertEquals(0, again.exit(), again.toString());
        assertEquals("node-3\n", nodes.ssh(3, "cat /root/e2e/ran-on"));
    }

    /**
     * OpenSSH counts a channel until it has seen it closed, so a burst of short checks meets "no
     * more sessions" even below MaxSessions (Debian's default 10 with lab's 8 at once did, on the
     * practice machines). A second sshd on node1 with MaxSessions 2 makes that certain: every check
     * still passes, the refused sessions tried again, the connection kept.
     */
    @Test
    void aServerThatRefusesSessionsMakesChecksWaitNotFail() throws Exception {
        Path lab = labOfChecks("busy", 16, "node1", "sleep 0.1");
        Path busy = Files.writeString(dir.resolve("busy.yaml"), "all:\n  hosts:\n    node1: {ansible_host: "
                + Nodes.ip(1) + ", ansible_port: 2200, ansible_user: root, ansible_ssh_private_key_file: " + nodes.key()
                + "}\n");
        Path pid = nodes.state.resolve("node1/sshd-2200.pid");
        run("ip", "netns", "exec", "kl-node1", "/usr/sbin/sshd", "-f", nodes.state.resolve("node1/sshd_config").toString(),
                "-o", "Port=2200", "-o", "MaxSessions=2", "-o", "PidFile=" + pid);
        try {
            Result r = lab("check", lab.toString(), "--inventory", busy.toString(), "--accept-new-host-keys", "-o", "json");
            assertEquals(0, r.exit(), r.toString());
            JsonNode results = JsonMapper.builder().build().readTree(r.out()).get("results");
            assertEquals(16, results.size());
            results.forEach(c -> assertEquals("pass", c.get("status").asString(), c.toString()));

            // In one process, checks first (they keep runners, each holding one of the two sessions), then a
            // command whose output is shown: it still gets a channel (an idle runner gives its session back).
            Path both = Files.createDirectories(dir.resolve("both"));
            Files.writeString(both.resolve("lab.yaml"), """
                    format: 1
                    id: both
                    title: {en: Both, zh-CN: 两者}
                    steps:
                      - id: look
                        title: {en: Look, zh-CN: 查看}
                        checks:
                    """ + "          - {id: c1, kind: command, on: node1, with: {command: 'sleep 0.1'}}\n"
                    + "          - {id: c2, kind: command, on: node1, with: {command: 'sleep 0.1'}}\n"
                    + "          - {id: c3, kind: command, on: node1, with: {command: 'sleep 0.1'}}\n" + """
                      - id: act
                        title: {en: Act, zh-CN: 操作}
                        actions:
                          - run: echo shown-as-it-comes
                            on: node1
                        checks:
                          - {id: after, kind: command, on: node1, with: {command: 'true'}}
                    """);
            Result both2 = lab("run", both.toString(), "--inventory", busy.toString(), "--accept-new-host-keys");
            assertEquals(0, both2.exit(), both2.toString());
            assertTrue(both2.out().contains("shown-as-it-comes"), both2.out());
        } finally {
            run("sh", "-c", "kill $(cat " + pid + ")");
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    /** A lab of one step with {@code count} command checks, each running {@code command} on {@code on}. */
    private Path labOfChecks(String id, int count, String on, String command) throws Exception {
        Path lab = Files.createDirectories(dir.resolve(id));
        StringBuilder checks = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            checks.append("      - {id: c").append(i).append(", kind: command, on: ").append(on)
                    .append(", with: {command: '").append(command).append("'}}\n");
        }
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: %s
                title: {en: Many checks, zh-CN: 许多检查}
                steps:
                  - id: look
                    title: {en: Look, zh-CN: 查看}
                    checks:
                """.formatted(id) + checks);
        return lab;
    }

    /** Nine checks on each node, one node silent: one connect timeout for all its checks, said as a timeout. */
    @Test
    void aNodeThatStopsAnsweringCostsOneTimeout() throws Exception {
        Path lab = labOfChecks("silent", 9, "all", "true");
        nodes.silence(3);
        Result r;
        long ms;
        try {
            long started = System.nanoTime();
            r = lab("check", lab.toString(), "--inventory", inventory.toString(), "-o", "json");
            ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        } finally {
            nodes.unsilence(3);
        }
        assertEquals(3, r.exit(), "could not look: " + r);
        JsonNode results = JsonMapper.builder().build().readTree(r.out()).get("results");
        assertEquals(27, results.size());
        for (JsonNode c : results) {
            boolean silent = c.get("target").asString().equals("node3");
            assertEquals(silent ? "error" : "pass", c.get("status").asString(), c.toString());
            if (silent) {
                assertTrue(c.get("observed").asString().contains("no answer in time"), c.toString());
            }
        }
        // The connect timeout is 10 s: one wait for node3's nine checks, not nine (90 s before).
        assertTrue(ms < 16_000, "one timeout, not one per check: " + ms + " ms");
    }

    /**
     * Ctrl-C while checks run over SSH (the REPL's INT handler fires this same Cancellation): the
     * checks end at once, as skipped, and their commands are gone from every node.
     */
    @Test
    void ctrlCDuringChecksOverSshEndsThemOnEveryNode() throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("waits"));
        Files.writeString(labDir.resolve("lab.yaml"), """
                format: 1
                id: waits
                title: {en: Waits, zh-CN: 等待}
                steps:
                  - id: look
                    title: {en: Look, zh-CN: 查看}
                    checks:
                      - {id: slow, kind: command, on: all, with: {command: 'sleep 61; true'}}
                """);
        Lab lab = new LabLoader(
                CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir)).lab().orElseThrow();
        Map<String, String> env = Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin", "USER", "root");
        NodeFactory factory = new NodeFactory(
                new NodeSettings(env, dir, dir.resolve("state"), Prompter.NONE));
        SessionConfig config = new SessionConfig(dir.resolve("state"), env, "en",
                Map.of(), Prompter.NONE, RunListener.SILENT,
                CheckRegistry.standard(env), Duration.ofSeconds(120));
        try (LabSession s = new LabSession(lab, config,
                factory.open(Optional.of(inventory), false))) {
            Cancellation ctrlC = new Cancellation();
            Thread press = new Thread(() -> {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                ctrlC.cancel();
            });
            press.start();
            long started = System.nanoTime();
            var report = s.check(List.of(), ctrlC);
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(ms < 15_000, "Ctrl-C ended the checks, not their 61 s: " + ms + " ms");
            assertEquals(3, report.results().size());
            report.results().forEach(r -> assertEquals("cancelled (Ctrl-C)", r.result().observed(), r.toString()));
        }
        Thread.sleep(1000);
        for (int i = 1; i <= nodes.count(); i++) {
            assertEquals("none\n", nodes.ssh(i, "pgrep -f '[s]leep 61' >/dev/null && echo left || echo none"), "node" + i);
        }
    }

    @Test
    void aDryRunShowsEveryHostAndTouchesNothing() throws Exception {
        Result r = lab("run", spreadLab().toString(), "--inventory", inventory.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("node2: copy (text in the lab) -> /root/e2e/greeting.txt (0640)"), r.out());
        assertTrue(r.out().contains("node3: sleep 0; hostname > /root/e2e/ran-on"), r.out());
        assertFalse(r.out().contains("node1:"), r.out());
        assertEquals("absent\n", nodes.ssh(2, "test -e /root/e2e && echo present || echo absent"));
    }

    @Test
    void hostChecksOnRealNodes() throws Exception {
        nodes.ssh(2, "mkdir -p /root/e2e && echo present > /root/e2e/marker");
        Path lab = Files.createDirectories(dir.resolve("checks"));
        String forward = "1"; // e2e/nodes.sh turns forwarding on in each node's network namespace
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: checks
                title: {en: Checks, zh-CN: 检查}
                steps:
                  - id: nodes
                    title: {en: Nodes, zh-CN: 节点}
                    checks:
                      - {id: forward, kind: sysctl, on: all, with: {key: net.ipv4.ip_forward, value: "%s"}}
                      - {id: modules, kind: kernel-modules, on: all, with: {modules: [printk]}}
                      - {id: ports, kind: port-free, on: all, with: {ports: [6443, 2379-2380]}}
                      - {id: ssh, kind: port-listening, on: kube_node, with: {port: 22}}
                      - {id: same, kind: same-version, on: all, with: {binaries: [openssl]}}
                      - {id: marker, kind: file, on: kube_node, with: {path: /root/e2e/marker, content: present}}
                """.formatted(forward));
        Result r = lab("check", lab.toString(), "--inventory", inventory.toString(), "-o", "json");
        assertEquals(1, r.exit(), r.toString());
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertEquals(13, doc.get("summary").get("pass").asInt(), r.out());
        assertEquals(1, doc.get("summary").get("fail").asInt(), r.out());
        JsonNode failed = null;
        for (JsonNode res : doc.get("results")) {
            if (res.get("status").asString().equals("fail")) {
                failed = res;
            }
        }
        assertEquals("marker@node3", failed.get("check").asString());
        assertEquals("/root/e2e/marker does not exist", failed.get("observed").asString());
        assertEquals("on node3 (root@10.77.0.13:22): stat /root/e2e/marker", failed.get("evidence").asString());
        Result junit = lab("check", lab.toString(), "-o", "junit");
        assertTrue(junit.out().contains("<testsuite name=\"checks\" tests=\"14\" failures=\"1\" errors=\"0\""),
                junit.out());
    }

    @Test
    void ansibleAcceptsTheSameInventory() throws Exception {
        Process p = new ProcessBuilder("ansible-inventory", "-i", inventory.toString(), "--list")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        JsonNode doc = JsonMapper.builder().build().readTree(out.substring(out.indexOf('{')));
        assertEquals("[\"node2\",\"node3\"]", doc.get("kube_node").get("hosts").toString());
        assertTrue(doc.get("k8s_cluster").get("children").toString().contains("kube_node"));
    }
}
