package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The minikube lab from the OS shell, start to "all checks pass", with test-fixture minikube and docker. */
class MinikubeLabEndToEndTest {
    @TempDir
    Path home;
    MockCluster cluster;
    ShellRun lab;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.start();
        FakeTools tools = MinikubeFixture.install(home, cluster);
        lab = new ShellRun(home).env("PATH", tools.path());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void reachesAllChecksPass() throws Exception {
        ShellRun.Result run = lab.run("run", "minikube");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("→ local minikube start --driver=docker --cpus=2 --memory=2200"), run.out());
        assertTrue(run.out().contains("🏄  Done! kubectl is now configured"), run.out());
        assertTrue(run.out().matches("(?s).*minikube\\s+Ready\\s+control-plane.*"), "kubectl get nodes ran: " + run.out());

        ShellRun.Result wrong = lab.run("answer", "minikube", "a");
        assertEquals(1, wrong.exit(), wrong.toString());
        ShellRun.Result answer = lab.run("answer", "minikube", "b");
        assertEquals(0, answer.exit(), answer.toString());
        assertTrue(answer.out().contains("Right."), answer.out());

        ShellRun.Result check = lab.run("check", "minikube");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("All checks pass (10 pass)."), check.out());

        ShellRun.Result json = lab.run("check", "minikube", "-o", "json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode doc = JsonMapper.builder().build().readTree(json.out());
        assertEquals("minikube", doc.get("lab").asString());
        assertEquals(10, doc.get("summary").get("pass").asInt());
        assertEquals(0, doc.get("summary").get("fail").asInt());
        JsonNode first = doc.get("results").get(0);
        for (String field : new String[] {"step", "check", "status", "expected", "observed", "evidence", "hint"}) {
            assertTrue(first.has(field), "result has " + field);
        }
        assertEquals("", json.err(), "data on stdout, nothing on stderr");

        ShellRun.Result status = lab.run("status", "minikube");
        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().contains("All steps done."), status.out());
    }

    @Test
    void aNotReadyNodeFailsNamingTheNodeAndCondition() throws Exception {
        assertEquals(0, lab.run("run", "minikube").exit());
        Node node = cluster.client().nodes().withName("minikube").get();
        node.getStatus().getConditions().get(0).setStatus("False");
        node.getStatus().getConditions().get(0).setReason("KubeletNotReady");
        node.getStatus().getConditions().get(0).setMessage("PLEG is not healthy: pleg was last seen active 3m0s ago");
        cluster.client().nodes().resource(node).update();

        ShellRun.Result check = lab.run("check", "minikube");
        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.out().contains("✗ fail  the minikube node is Ready (node-ready)"), check.out());
        assertTrue(check.out().contains("observed: minikube: Ready=False (KubeletNotReady: PLEG is not healthy"),
                check.out());
        assertTrue(check.out().contains("expected: nodes minikube present and Ready"), check.out());
        assertTrue(check.out().contains("hint:     `minikube status` shows which part is not running"), check.out());
    }

    @Test
    void teardownAsksFirstAndThenRemovesTheContext() {
        assertEquals(0, lab.run("run", "minikube").exit());
        ShellRun.Result refused = lab.run("run", "minikube", "teardown");
        assertEquals(2, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("pass --yes"), refused.err());
        ShellRun.Result done = lab.run("run", "minikube", "teardown", "--yes");
        assertEquals(0, done.exit(), done.toString());
        assertTrue(done.out().contains("✓ pass  the minikube context is gone"), done.out());
        assertFalse(lab.run("check", "minikube").out().contains("✓ pass  kubectl's current context is minikube"));
    }

    @Test
    void chineseLearnersSeeChinese() {
        ShellRun.Result show = lab.run("show", "minikube", "--lang", "zh-CN");
        assertEquals(0, show.exit(), show.toString());
        assertTrue(show.out().contains("第 1 步，共 6 步 · 安装 minikube 和 kubectl"), show.out());
        assertTrue(show.out().contains("获得 Kubernetes 集群最快的方法"), show.out());
        ShellRun.Result viaLang = lab.env("LANG", "zh_CN.UTF-8").run("check", "minikube", "install");
        assertTrue(viaLang.out().contains("✓ 通过"), viaLang.out());
    }
}
