package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gets one clear line on stderr and the right exit code; never a stack trace. */
class BadInputTest {
    @TempDir
    Path home;

    private static void assertOneLine(ShellRun.Result r, int exit, String contains) {
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(contains), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void malformedYaml() throws Exception {
        Path bad = Files.createDirectories(home.resolve("broken"));
        Files.writeString(bad.resolve("lab.yaml"), "format: 1\nid: broken\nsteps: [\n");
        ShellRun.Result r = new ShellRun(home).run("start", "broken");
        assertOneLine(r, 2, "broken/lab.yaml:3:9: error: not valid YAML: while parsing a flow node");
    }

    @Test
    void aTimeoutThatWouldOverflowIsAValidateError() throws Exception {
        Path lab = Files.createDirectories(home.resolve("slow"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: slow
                title: {en: Slow, zh-CN: 慢}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    actions:
                      - {run: "true", timeout: 99999999999999999999h}
                      - {run: "true", timeout: 9223372036854775807}
                      - {run: "true", timeout: 25h}
                """);
        ShellRun.Result r = new ShellRun(home).run("validate", lab.toString());
        assertEquals(2, r.exit(), r.toString());
        String all = r.out() + r.err();
        for (int line = 8; line <= 10; line++) {
            assertTrue(all.contains("lab.yaml:" + line + ":"), line + ": " + all);
        }
        assertTrue(all.contains("timeout must be at most 24h"), all);
        assertFalse(all.contains("Exception"), all);
    }

    @Test
    void unknownLabId() {
        assertOneLine(new ShellRun(home).run("check", "minikub"), 2,
                "no lab 'minikub'; `lab list` shows the labs (" + String.join(", ", Bundled.ids())
                        + "), or give the folder of a lab.yaml");
    }

    @Test
    void unknownCommandAndOption() {
        assertOneLine(new ShellRun(home).run("chekc"), 2, "unknown command 'chekc' (did you mean check or checks or help?); `lab help` lists the commands");
        assertOneLine(new ShellRun(home).run("check", "minikube", "--fast"), 2,
                "unknown option '--fast' for `lab check`; see `lab check --help`");
        assertOneLine(new ShellRun(home).run("check", "minikube", "-o", "yaml"), 2, "Invalid value for option '--output'");
        // -o junit is refused before the command does anything (env would otherwise probe the hosts first).
        assertOneLine(new ShellRun(home).run("status", "minikube", "-o", "junit"), 2,
                "-o junit is not available for this command; use text or json");
        assertOneLine(new ShellRun(home).run("env", "-o", "junit"), 2,
                "-o junit is not available for this command; use text or json");
        assertOneLine(new ShellRun(home).run("--lang", "fr", "list"), 2, "--lang must be en or zh-CN (zh, zh_CN.UTF-8 and the like are zh-CN), not 'fr'");
        assertOneLine(new ShellRun(home).run("--set", "nosuch=1", "status", "minikube"), 2,
                "lab 'minikube' has no variable 'nosuch'");
    }

    @Test
    void unknownCheckName() throws Exception {
        Path lab = Files.createDirectories(home.resolve("mine"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: mine
                title: {en: Mine, zh-CN: 我的}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    checks:
                      - {id: up, kind: nodes-redy}
                """);
        ShellRun.Result r = new ShellRun(home).run("validate", "mine");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.out().contains("mine/lab.yaml:8:24: error: unknown check kind 'nodes-redy'; did you mean "
                + "'nodes-ready'?"), r.out());
        assertOneLine(new ShellRun(home).run("start", "mine"), 2, "unknown check kind 'nodes-redy'");
    }

    @Test
    void aMissingToolIsAFailedCheckThatSaysHowToInstallIt() {
        ShellRun.Result r = new ShellRun(home).run("check", "minikube", "install");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("observed: minikube not found on PATH"), r.out());
        assertTrue(r.out().contains("hint:     Install minikube from https://minikube.sigs.k8s.io/docs/start/"), r.out());
        ShellRun.Result run = new ShellRun(home).run("run", "minikube", "install");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("step install did not finish: local: exit status 127"), run.err());
    }

    @Test
    void anUnreachableClusterApiExitsThreeQuickly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (MockCluster cluster = MockCluster.start()) {
            Path kubeconfig = cluster.writeKubeconfig(home.resolve(".kube/config"), "minikube");
            Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(cluster.url(), "http://127.0.0.1:" + port));
        }
        long started = System.nanoTime();
        ShellRun.Result r = new ShellRun(home).run("check", "minikube", "explore");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.out().contains("observed: could not ask the API: connection refused"), r.out());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(15).toNanos(), "no hang");
    }

    @Test
    void aBadInventoryGetsOneLinePerProblemWithItsLine() throws Exception {
        Path inv = Files.writeString(home.resolve("hosts.ini"), "[kube_node]\nnode1 ansible_hots=10.0.0.1\n"
                + "[k8s_cluster:children]\nkube_nodes\n");
        ShellRun.Result r = new ShellRun(home).run("env", "--inventory", inv.toString());
        assertEquals(2, r.exit(), r.toString());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).endsWith("hosts.ini:2:1: error: unknown variable 'ansible_hots' for host 'node1'; "
                + "did you mean 'ansible_host'?"), lines.get(0));
        assertTrue(lines.get(1).endsWith("hosts.ini:4:1: error: group 'k8s_cluster' names group 'kube_nodes', which is "
                + "not defined; define it or fix the name; did you mean 'kube_node'?"), lines.get(1));
        assertOneLine(new ShellRun(home).run("env"), 2, "which nodes? give the inventory with --inventory FILE");
    }

    @Test
    void aStepOnAGroupWithoutAnInventorySaysWhatToGive() throws Exception {
        Path lab = Files.createDirectories(home.resolve("nodes"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: nodes
                title: {en: Nodes, zh-CN: 节点}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    actions: [{run: hostname, on: kube_node}]
                """);
        assertOneLine(new ShellRun(home).run("run", "nodes"), 2,
                "lab 'nodes' works on your nodes: give them with --inventory FILE (an Ansible inventory with the groups "
                        + "kube_control_plane and kube_node), or make practice machines with `lab machines up`");
    }

    @Test
    void aQuizAnswerThatIsNotAChoice() {
        assertOneLine(new ShellRun(home).run("answer", "minikube", "e"), 2,
                "'e' is not one of the choices; answer with one of a, b, c, d");
    }

    @Test
    void anUnknownStep() {
        assertOneLine(new ShellRun(home).run("show", "minikube", "strat"), 2,
                "lab 'minikube' has no step 'strat'; its steps are: install, prerequisites, start, explore, question, teardown");
    }

    @Test
    void resetWithoutATerminalNeedsYes() {
        assertOneLine(new ShellRun(home).run("reset", "minikube", "--all"), 2, "pass --yes");
        ShellRun.Result r = new ShellRun(home).run("reset", "minikube", "--all", "--yes");
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void aDamagedProgressFileIsTheLearnersDataToFixAndDebugShowsWhere() throws Exception {
        FakeTools tools = new FakeTools(home);
        Path state = home.resolve("state/kubelab/progress");
        Files.createDirectories(state);
        Files.writeString(state.resolve("minikube.json"), "{ not json");
        ShellRun.Result r = new ShellRun(home).env("PATH", tools.path()).run("status", "minikube");
        assertOneLine(r, 2, "is damaged");
        assertTrue(r.err().contains("`lab reset minikube --all --yes` keeps it aside"), r.err());
        ShellRun.Result debug = new ShellRun(home).run("status", "minikube", "--debug");
        assertTrue(debug.err().contains("\tat "), "stack trace with --debug");
    }

    @Test
    void parallelOfZeroOrLessIsRefused() {
        assertOneLine(new ShellRun(home).run("run", "minikube", "--parallel", "0"), 2,
                "--parallel 0 runs nothing; give at least 1 (default 32)");
        assertOneLine(new ShellRun(home).run("run", "minikube", "--parallel", "-3"), 2,
                "--parallel -3 runs nothing; give at least 1 (default 32)");
    }

    @Test
    void chineseIsAcceptedAsLearnersWriteIt() {
        for (String lang : new String[] {"zh", "zh-cn", "zh_CN", "zh_CN.UTF-8", "zh-CN"}) {
            ShellRun.Result r = new ShellRun(home).run("list", "--lang", lang);
            assertEquals(0, r.exit(), lang + ": " + r);
            assertTrue(r.out().contains("kubeadm：在自己的机器上搭建集群"), lang + ": " + r.out());
        }
        assertOneLine(new ShellRun(home).run("list", "--lang", "fr"), 2, "--lang must be en or zh-CN");
    }
}
