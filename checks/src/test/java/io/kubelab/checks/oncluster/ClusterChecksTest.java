package io.kubelab.checks.oncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.cluster.KubeconfigCluster;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.checks.testing.MockCluster;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster checks against the mock API server: a pass, and each failure with what was observed. */
class ClusterChecksTest {
    @TempDir
    Path dir;
    MockCluster cluster;
    Path kubeconfig;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "minikube");
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private CheckResult run(Check check) {
        try (ClusterAccess access = new KubeconfigCluster(kubeconfig, "minikube", Duration.ofSeconds(5))) {
            return check.run(new CheckContext(new LocalHost(Map.of(), dir), access, Duration.ofSeconds(5)));
        }
    }

    @Test
    void nodesReadyPassesWhenEveryNodeIsReady() {
        cluster.addNode("minikube", true, Map.of());
        CheckResult r = run(NodesReadyCheck.from(Params.of("names", java.util.List.of("minikube"))));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("1 Ready: minikube", r.observed());
        assertTrue(r.evidence().startsWith("GET /api/v1/nodes at " + cluster.url()), r.evidence());
    }

    @Test
    void nodesReadyNamesTheNodeAndItsCondition() {
        cluster.addNode("minikube", false, Map.of());
        CheckResult r = run(NodesReadyCheck.from(Params.of()));
        assertEquals(Status.FAIL, r.status());
        assertEquals("minikube: Ready=False (KubeletNotReady: container runtime network not ready: NetworkReady=false)",
                r.observed());
    }

    @Test
    void nodesReadyNamesAMissingNode() {
        cluster.addNode("node1", true, Map.of());
        CheckResult r = run(NodesReadyCheck.from(Params.of("names", "node1,node2")));
        assertEquals(Status.FAIL, r.status());
        assertEquals("node2: not a cluster node", r.observed());
    }

    @Test
    void nodeCountExactAndMinimum() {
        cluster.addNode("a", true, Map.of());
        cluster.addNode("b", true, Map.of());
        assertEquals(Status.PASS, run(NodeCountCheck.from(Params.of("count", 2))).status());
        CheckResult exact = run(NodeCountCheck.from(Params.of("count", 1)));
        assertEquals(Status.FAIL, exact.status());
        assertEquals("2 nodes: a, b", exact.observed());
        assertEquals("exactly 1 node", exact.expected());
        assertEquals(Status.PASS, run(NodeCountCheck.from(Params.of("min", 2))).status());
        assertEquals(Status.FAIL, run(NodeCountCheck.from(Params.of("min", 3))).status());
    }

    @Test
    void apiReachableReportsTheServerVersion() {
        CheckResult r = run(ApiReachableCheck.from(Params.of()));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("Kubernetes " + MockCluster.VERSION, r.observed());
    }

    @Test
    void anUnreachableApiIsAnErrorWithinSeconds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path dead = dir.resolve("dead");
        Files.writeString(dead, Files.readString(kubeconfig).replace(cluster.url(), "http://127.0.0.1:" + port));
        long started = System.nanoTime();
        CheckResult r;
        try (ClusterAccess access = new KubeconfigCluster(dead, null, Duration.ofSeconds(3))) {
            r = NodesReadyCheck.from(Params.of()).run(new CheckContext(new LocalHost(Map.of(), dir), access,
                    Duration.ofSeconds(3)));
        }
        assertEquals(Status.ERROR, r.status(), r.toString());
        assertEquals("could not ask the API: connection refused", r.observed());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "took too long");
    }

    @Test
    void kubeContextMustExistAndBeCurrent() throws Exception {
        assertEquals(Status.PASS, KubeContextCheck.from(Params.of("context", "minikube"), kubeconfig)
                .run(new CheckContext(null, null, null)).status());
        CheckResult missing = KubeContextCheck.from(Params.of("context", "kind-kind"), kubeconfig).run(new CheckContext(null, null, null));
        assertEquals(Status.FAIL, missing.status());
        assertEquals("contexts: minikube", missing.observed());
        Path two = Files.writeString(dir.resolve("two"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s"}}]
                users: [{name: u, user: {token: t}}]
                contexts:
                - {name: minikube, context: {cluster: c, user: u}}
                - {name: other, context: {cluster: c, user: u}}
                current-context: other
                """.formatted(cluster.url()));
        CheckResult notCurrent = KubeContextCheck.from(Params.of("context", "minikube"), two).run(new CheckContext(null, null, null));
        assertEquals(Status.FAIL, notCurrent.status());
        assertEquals("current context is 'other'", notCurrent.observed());
        assertEquals("kubectl config use-context minikube", notCurrent.hint());
        CheckResult absent = KubeContextCheck.from(Params.of("context", "minikube"), dir.resolve("none")).run(new CheckContext(null, null, null));
        assertEquals("no kubeconfig at " + dir.resolve("none"), absent.observed());
    }

    /** A kubeconfig that is not YAML: the check could not look (not "the context is missing"), said in one line. */
    @Test
    void aBrokenKubeconfigIsCouldNotLookInOneLine() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken"), "apiVersion: v1\nclusters:\n- {name: c, cluster: {server: x}\n");
        CheckResult r = KubeContextCheck.from(Params.of("context", "minikube"), broken).run(new CheckContext(null, null, null));
        assertEquals(Status.ERROR, r.status(), r.toString());
        assertTrue(r.observed().startsWith(broken + " is not valid YAML (line 3, column "), r.observed());
        assertFalse(r.observed().contains("\n"), "one line: " + r.observed());
        assertEquals("fix or move the broken file; kubectl cannot use it either", r.hint());
        CheckResult nodes;
        try (ClusterAccess access = new KubeconfigCluster(broken, null, Duration.ofSeconds(3))) {
            nodes = NodesReadyCheck.from(Params.of()).run(new CheckContext(new LocalHost(Map.of(), dir), access,
                    Duration.ofSeconds(3)));
        }
        assertEquals(Status.ERROR, nodes.status(), nodes.toString());
        assertEquals("could not ask the API: " + r.observed(), nodes.observed());
        assertEquals(r.hint(), nodes.hint());
    }
}
