package io.kubelab.labs.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.Status;
import io.kubelab.checks.testing.MockCluster;
import io.kubelab.labs.LabException;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.nodes.NodeFactory;
import io.kubelab.labs.nodes.NodeSettings;
import io.kubelab.labs.nodes.ssh.TestSshServer;
import io.kubelab.labs.run.CheckOutcome;
import io.kubelab.labs.run.FileDigest;
import io.kubelab.labs.yaml.InvalidFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class graded over real SSH (an embedded server) and mock clusters: one learner done, one stuck,
 * one with a certificate from the wrong CA, one whose nodes and cluster cannot be reached. Each
 * learner's files are under their own folder (the roster's set: root), as their own nodes would be.
 */
class GraderTest {
    static final String LAB = """
            format: 1
            id: grading
            title: {en: Grading, zh-CN: 评分}
            variables:
              root: {description: {en: where the learner's files are, zh-CN: 学员文件所在位置}}
              join: {secret: true}
            steps:
              - id: prepare
                title: {en: Prepare, zh-CN: 准备}
                points: 1
                checks:
                  - id: ready
                    kind: file
                    on: all
                    with: {path: "{{root}}/ready"}
              - id: certs
                title: {en: Certificates, zh-CN: 证书}
                points: 2
                checks:
                  - id: apiserver
                    kind: certificate
                    on: kube_control_plane
                    with: {cert: "{{root}}/apiserver.crt", ca: "{{root}}/ca.crt"}
              - id: cluster
                title: {en: Cluster, zh-CN: 集群}
                checks:
                  - id: nodes
                    kind: nodes-ready
                    points: 3
                    with: {names: "{{hosts.all}}", kubeconfig: "{{lab.workdir}}/admin.conf"}
                  - id: mine
                    kind: file
                    on: local
                    with: {path: "{{lab.workdir}}/admin.conf"}
              - id: join
                title: {en: Join, zh-CN: 加入}
                checks:
                  - id: joined
                    kind: command
                    on: all
                    with: {command: "test -n '{{join}}'"}
              - id: question
                title: {en: Question, zh-CN: 问题}
                quiz:
                  question: {en: "Which?", zh-CN: "哪个？"}
                  choices:
                    a: {en: this, zh-CN: 这个}
                    b: {en: that, zh-CN: 那个}
                  answer: a
                  explanation: {en: "This.", zh-CN: "这个。"}
              - id: teardown
                title: {en: Teardown, zh-CN: 拆除}
                optional: true
                checks:
                  - id: gone
                    kind: command
                    on: all
                    with: {command: "test ! -e {{root}}/ready"}
            """;

    @TempDir
    Path dir;
    TestSshServer server;
    Lab lab;
    final List<MockCluster> clusters = new java.util.ArrayList<>();
    Path key;

    @BeforeEach
    void setUp() throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("grading"));
        Files.writeString(labDir.resolve("lab.yaml"), LAB);
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir));
        assertFalse(r.hasErrors(), r.problems().toString());
        lab = r.lab().orElseThrow();
        key = dir.resolve("id_ed25519");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        server = new TestSshServer(Files.writeString(dir.resolve("authorized_keys"),
                Files.readString(dir.resolve("id_ed25519.pub"))));
        Files.createDirectories(dir.resolve("home/.ssh"));
        server.writeKnownHosts(dir.resolve("home/.ssh/known_hosts"));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        clusters.forEach(MockCluster::close);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    /** A CA and a certificate it signed (or, with a stranger, signed by another CA), in {@code folder}. */
    private static void certificates(Path folder, boolean signedByStranger) throws Exception {
        String f = folder.toString();
        for (String ca : List.of("ca", "stranger")) {
            run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", f + "/" + ca + ".key", "-out", f + "/" + ca + ".crt", "-subj", "/CN=" + ca, "-days", "2");
        }
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                f + "/apiserver.key", "-out", f + "/apiserver.csr", "-subj", "/CN=kube-apiserver");
        String signer = signedByStranger ? "stranger" : "ca";
        run("openssl", "x509", "-req", "-in", f + "/apiserver.csr", "-CA", f + "/" + signer + ".crt", "-CAkey",
                f + "/" + signer + ".key", "-CAcreateserial", "-out", f + "/apiserver.crt", "-days", "2");
    }

    /** A learner's folder, inventory (one node, this test's SSH server) and cluster. */
    private String learner(String id, boolean ready, String certs, Boolean nodeReady, boolean reachable)
            throws Exception {
        Path root = Files.createDirectories(dir.resolve("learners/" + id));
        if (ready) {
            Files.writeString(root.resolve("ready"), "yes\n");
        }
        if (!certs.equals("none")) {
            certificates(root, certs.equals("wrong"));
        }
        int port = reachable ? server.port() : closedPort();
        Files.writeString(root.resolve("hosts.yaml"), """
                all:
                  hosts:
                    node1: {ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: %s, ansible_ssh_private_key_file: %s}
                  children:
                    kube_control_plane: {hosts: {node1: }}
                """.formatted(port, System.getProperty("user.name"), key));
        String kubeconfig;
        if (nodeReady != null) {
            MockCluster c = MockCluster.start();
            clusters.add(c);
            c.addNode("node1", nodeReady, Map.of());
            kubeconfig = c.writeKubeconfig(root.resolve("admin.conf"), id).toString();
        } else {
            kubeconfig = Files.writeString(root.resolve("admin.conf"), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d"}}]
                    contexts: [{name: c, context: {cluster: c, user: u}}]
                    current-context: c
                    users: [{name: u, user: {token: t}}]
                    """.formatted(closedPort())).toString();
        }
        return """
                  - id: %1$s
                    name: Learner %1$s
                    inventory: learners/%1$s/hosts.yaml
                    kubeconfig: %2$s
                    set: {root: %3$s}
                """.formatted(id, kubeconfig, root);
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private NodeFactory factory() {
        return new NodeFactory(new NodeSettings(Map.of("HOME", dir.resolve("home").toString(),
                "USER", System.getProperty("user.name"), "PATH", "/usr/bin:/bin"), dir, dir.resolve("state"),
                Prompter.NONE));
    }

    private Grader.Settings settings() {
        return new Grader.Settings(CheckRegistry.standard(Map.of()), Map.of("PATH", "/usr/bin:/bin"), "en",
                Duration.ofSeconds(5), 4, false, dir.resolve("state/work/grading"));
    }

    private Roster roster(String learners) throws Exception {
        Path file = Files.writeString(dir.resolve("roster.yaml"), "title: Test class\npass_mark: 70\nlearners:\n"
                + learners);
        return new RosterReader(factory().inventoryReader()).read(file);
    }

    @Test
    void gradesAClassWithoutCountingWhatCouldNotBeSeenAsFailed() throws Exception {
        Roster roster = roster(learner("alice", true, "good", true, true) + learner("bob", true, "none", false, true)
                + learner("carol", true, "wrong", true, true) + learner("dan", true, "good", null, false));
        ClassGrade g;
        try (Grader grader = new Grader(lab, roster, Grader.steps(lab, List.of()), settings(), factory())) {
            g = grader.round();
        }
        // The quiz (its answer is in the learner's own progress) and the optional teardown are not columns.
        assertEquals(List.of("prepare", "certs", "cluster", "join"), g.steps());
        LearnerGrade alice = grade(g, "alice");
        assertEquals(List.of(Verdict.PASSED, Verdict.PASSED, Verdict.PASSED, Verdict.NOT_GRADED), verdicts(alice));
        assertEquals(6, alice.worth(), "points: prepare 1, certs 2, the cluster's nodes check 3");
        assertEquals(100, alice.percent());
        assertEquals(LearnerGrade.Result.PASSED, alice.result(70));

        LearnerGrade bob = grade(g, "bob");
        assertEquals(List.of(Verdict.PASSED, Verdict.FAILED, Verdict.FAILED, Verdict.NOT_GRADED), verdicts(bob));
        assertEquals(1, bob.earned());
        assertEquals(LearnerGrade.Result.BELOW, bob.result(70));

        LearnerGrade carol = grade(g, "carol");
        assertEquals(List.of(Verdict.PASSED, Verdict.FAILED, Verdict.PASSED, Verdict.NOT_GRADED), verdicts(carol));
        CheckOutcome cert = outcome(carol, "certs", "apiserver");
        assertEquals(Status.FAIL, cert.result().status());
        assertTrue(cert.result().observed().contains("stranger") || cert.result().observed().contains("not signed"),
                cert.result().observed());
        assertEquals(4, carol.earned());
        assertEquals(66, carol.percent());

        LearnerGrade dan = grade(g, "dan");
        assertEquals(List.of(Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.NOT_GRADED), verdicts(dan));
        assertEquals(LearnerGrade.Result.UNKNOWN, dan.result(70), "could not reach is never failed");
        assertTrue(g.unreachable().containsKey("dan"), g.unreachable().toString());
        assertFalse(g.unreachable().containsKey("bob"));

        // What cannot be seen from here is said, not failed: the learner's own computer, a captured value.
        assertEquals(Status.SKIP, outcome(alice, "cluster", "mine").result().status());
        assertTrue(outcome(alice, "join", "joined").result().observed().contains("{{join}}"));

        assertEquals(List.of(new ClassGrade.PassRate("prepare", 3, 3), new ClassGrade.PassRate("certs", 1, 3),
                new ClassGrade.PassRate("cluster", 2, 3), new ClassGrade.PassRate("join", 0, 0)), g.passRates());
        assertEquals(Map.of("certs", List.of("bob", "carol")), g.stuck());

        // Evidence: the certificate check names the files it read and their digests, the cluster check the kubeconfig.
        Path carolCert = dir.resolve("learners/carol/apiserver.crt");
        assertTrue(cert.filesRead().contains(new FileDigest("node1", carolCert.toString(),
                FileDigest.sha256(Files.readAllBytes(carolCert)))), cert.filesRead().toString());
        assertTrue(outcome(alice, "cluster", "nodes").filesRead().stream()
                .anyMatch(d -> d.path().endsWith("alice/admin.conf")));
    }

    @Test
    void theSameEnvironmentGivesTheSameVerdictsRoundAfterRound() throws Exception {
        Roster roster = roster(learner("alice", true, "good", true, true) + learner("bob", false, "wrong", false, true));
        try (Grader grader = new Grader(lab, roster, Grader.steps(lab, List.of()), settings(), factory())) {
            ClassGrade first = grader.round();
            ClassGrade second = grader.round();
            for (int i = 0; i < 2; i++) {
                assertEquals(verdicts(first.learners().get(i)), verdicts(second.learners().get(i)),
                        first.learners().get(i).outcomes().toString());
                assertEquals(first.learners().get(i).outcomes().stream().map(o -> o.result().status() + " "
                        + o.result().observed() + " " + o.filesRead()).toList(), second.learners().get(i).outcomes()
                        .stream().map(o -> o.result().status() + " " + o.result().observed() + " " + o.filesRead())
                        .toList());
            }
            // Between rounds the learner works on: the next round sees it.
            Files.writeString(dir.resolve("learners/bob/ready"), "now\n");
            assertEquals(Verdict.PASSED, grade(grader.round(), "bob").step("prepare").orElseThrow().verdict());
        }
    }

    @Test
    void stepsCanBeChosenAndAVariableTheLabDoesNotHaveIsRefused() throws Exception {
        Roster roster = roster(learner("alice", true, "good", true, true));
        try (Grader grader = new Grader(lab, roster, Grader.steps(lab, List.of("teardown", "prepare")), settings(),
                factory())) {
            ClassGrade g = grader.round();
            assertEquals(List.of("prepare", "teardown"), g.steps(), "in the lab's order");
            assertEquals(Verdict.FAILED, grade(g, "alice").step("teardown").orElseThrow().verdict());
        }
        LabException e = assertThrows(LabException.class, () -> Grader.steps(lab, List.of("nope")));
        assertTrue(e.getMessage().contains("has no step 'nope'"), e.getMessage());
        Roster typo = roster("""
                  - id: eve
                    kubeconfig: x.conf
                    set: {rot: /tmp}
                """);
        LabException bad = assertThrows(LabException.class, () -> new Grader(lab, typo, lab.steps(), settings(),
                factory()));
        assertTrue(bad.getMessage().contains("learner 'eve'") && bad.getMessage().contains("no variable 'rot'"),
                bad.getMessage());
    }

    @Test
    void aRosterWithMistakesNamesEachWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                pass_mark: 120
                learnres: []
                learners:
                  - id: alice
                    inventory: a.ini
                  - id: alice
                    kubeconfig: b.conf
                  - id: ../eve
                    kubeconfig: c.conf
                  - id: frank
                    inventory:
                      all:
                        children:
                          kube_node: {hosts: {n1: }}
                          kube_control_plane: {children: {nodes: }}
                  - id: gina
                    name: Gina
                """);
        InvalidFileException e = assertThrows(InvalidFileException.class,
                () -> new RosterReader(factory().inventoryReader()).read(file));
        String all = e.getMessage();
        assertTrue(all.contains("bad.yaml:1:") && all.contains("pass_mark is a percentage"), all);
        assertTrue(all.contains("bad.yaml:2:") && all.contains("unknown key 'learnres'"), all);
        assertTrue(all.contains("learner id 'alice' appears twice"), all);
        assertTrue(all.contains("learner id '../eve' must be letters"), all);
        assertTrue(all.contains("learner 'frank': group 'kube_control_plane' names group 'nodes'"), all);
        assertTrue(all.contains("learner 'gina' has neither inventory: nor kubeconfig:"), all);
    }

    private static LearnerGrade grade(ClassGrade g, String id) {
        return g.learners().stream().filter(l -> l.learner().id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Verdict> verdicts(LearnerGrade l) {
        return l.steps().stream().map(StepGrade::verdict).toList();
    }

    private static CheckOutcome outcome(LearnerGrade l, String step, String check) {
        return l.outcomes().stream().filter(o -> o.step().equals(step) && o.check().replaceAll("@.*", "").equals(check))
                .findFirst()
                .orElseThrow(() -> new AssertionError(step + "/" + check + " in " + l.outcomes()));
    }
}
