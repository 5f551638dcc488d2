package io.kubelab.checks.oncluster;

import static io.kubelab.checks.testing.ClusterFixtures.CONTROL_PLANE;
import static io.kubelab.checks.testing.ClusterFixtures.ZONE;
import static io.kubelab.checks.testing.ClusterFixtures.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.testing.ClusterFixtures;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster checks against the healthy fixture and each broken state, with the exact observation. */
class MoreClusterChecksTest {
    @TempDir
    Path dir;
    MockCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = MockCluster.start();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private CheckResult run(Check check) throws Exception {
        return cluster.check(check, dir);
    }

    @Test
    void aHealthyClusterPassesEveryCheck() throws Exception {
        ClusterFixtures.healthy(cluster);
        for (Check c : List.of(ApiHealthCheck.from(Params.of()), ApiHealthCheck.from(Params.of("endpoint", "livez")),
                NodeRoleCheck.from(Params.of("node", "cp")),
                NodeRoleCheck.from(Params.of("nodes", List.of("worker-1", "worker-2"), "present", false)),
                NodeZonesCheck.from(Params.of("min", 3)), VersionSkewCheck.from(Params.of()),
                WorkloadChecks.PodsRunning.from(Params.of("selector", "tier=control-plane", "min", 4)),
                WorkloadChecks.PodsRunning.from(Params.of("selector", "k8s-app=kube-dns", "min", 2)),
                WorkloadChecks.PodsRunning.from(Params.of("selector", "k8s-app=kube-proxy", "min", 3)),
                WorkloadChecks.DeploymentAvailable.from(Params.of("namespace", "kube-system", "name", "coredns")),
                WorkloadChecks.ServiceEndpoints.from(Params.of("namespace", "kube-system", "name", "kube-dns")))) {
            CheckResult r = run(c);
            assertEquals(Status.PASS, r.status(), c + " -> " + r);
        }
        assertEquals("cp: roles control-plane", run(NodeRoleCheck.from(Params.of("node", "cp"))).observed());
        assertEquals("endpoints 10.244.0.2, 10.244.0.3", run(WorkloadChecks.ServiceEndpoints.from(
                Params.of("namespace", "kube-system", "name", "kube-dns"))).observed());
    }

    @Test
    void readyzFailingNamesTheFailingCheck() throws Exception {
        cluster.failReadyz("etcd");
        CheckResult r = run(ApiHealthCheck.from(Params.of()));
        assertEquals(Status.FAIL, r.status());
        assertEquals("HTTP 500: [-]etcd failed: reason withheld", r.observed());
        assertTrue(r.hint().startsWith("the API server cannot reach etcd"), r.hint());
        assertEquals(Status.PASS, run(ApiHealthCheck.from(Params.of("endpoint", "livez"))).status());
    }

    @Test
    void aMissingRoleLabel() throws Exception {
        cluster.addNode("cp", true, labels(ZONE, "zone-a"));
        cluster.addNode("worker-1", true, labels(CONTROL_PLANE, ""));
        CheckResult missing = run(NodeRoleCheck.from(Params.of("node", "cp")));
        assertEquals(Status.FAIL, missing.status());
        assertEquals("cp: roles <none>", missing.observed());
        CheckResult extra = run(NodeRoleCheck.from(Params.of("node", "worker-1", "present", false)));
        assertEquals(Status.FAIL, extra.status());
        assertEquals("worker-1: roles control-plane", extra.observed());
        assertTrue(extra.hint().endsWith("node-role.kubernetes.io/control-plane-"), extra.hint());
    }

    @Test
    void oneZoneOnly() throws Exception {
        cluster.addNode("a", true, labels(ZONE, "us-east-1a"));
        cluster.addNode("b", true, labels(ZONE, "us-east-1a"));
        cluster.addNode("c", true, Map.of());
        CheckResult r = run(NodeZonesCheck.from(Params.of("min", 3)));
        assertEquals(Status.FAIL, r.status());
        assertEquals("1 zone: a=us-east-1a, b=us-east-1a, c=(no zone label)", r.observed());
    }

    @Test
    void zonalMultiZonalAndRegionalAreToldApart() throws Exception {
        cluster.addNode("n1", true, labels(ZONE, "us-central1-a"));
        cluster.addNode("n2", true, labels(ZONE, "us-central1-b"));
        cluster.addNode("n3", true, labels(ZONE, "us-central1-c"));
        assertEquals(Status.PASS, run(NodeZonesCheck.from(Params.of("region", "us-central1", "count", 3, "per_zone", 1)))
                .status());
        assertEquals(Status.PASS, run(NodeZonesCheck.from(Params.of("zones", "us-central1-a,us-central1-b,us-central1-c",
                "per_zone", 1))).status());
        CheckResult zonal = run(NodeZonesCheck.from(Params.of("zones", List.of("us-central1-a"))));
        assertEquals(Status.FAIL, zonal.status());
        assertEquals("nodes in exactly the zones us-central1-a", zonal.expected());
        assertEquals("3 zones: n1=us-central1-a, n2=us-central1-b, n3=us-central1-c — nodes in zones not asked for: "
                + "us-central1-b, us-central1-c", zonal.observed());
        CheckResult elsewhere = run(NodeZonesCheck.from(Params.of("region", "europe-west1", "count", 3)));
        assertEquals(Status.FAIL, elsewhere.status());
        assertTrue(elsewhere.observed().endsWith("— zones outside europe-west1: us-central1-a, us-central1-b, "
                + "us-central1-c"), elsewhere.observed());
        CheckResult spread = run(NodeZonesCheck.from(Params.of("role", "control-plane", "count", 3)));
        assertEquals(Status.FAIL, spread.status(), "no node has the control-plane role");
        assertEquals("control-plane nodes, nodes in exactly 3 zones", spread.expected());
        cluster.addNode("n4", true, labels(ZONE, "us-central1-a"));
        CheckResult twoInA = run(NodeZonesCheck.from(Params.of("region", "us-central1", "count", 3, "per_zone", 1)));
        assertEquals(Status.FAIL, twoInA.status());
        assertTrue(twoInA.observed().endsWith("— us-central1-a has 2 nodes"), twoInA.observed());
    }

    @Test
    void aManagedControlPlaneIsNotInTheCluster() throws Exception {
        cluster.addNode("gke-pool-1", true, labels(ZONE, "us-central1-a"));
        cluster.addPod("kube-system", "kube-dns-5f6c7d8b9-abcde", Map.of("k8s-app", "kube-dns"), null, 0);
        CheckResult managed = run(ManagedControlPlaneCheck.from(Params.of()));
        assertEquals(Status.PASS, managed.status(), managed.toString());
        assertEquals("1 nodes, none of them a control plane; no kube-apiserver pod in kube-system; the API server "
                + "answers as " + MockCluster.VERSION, managed.observed());
        cluster.addNode("cp", true, labels(CONTROL_PLANE, ""));
        CheckResult own = run(ManagedControlPlaneCheck.from(Params.of()));
        assertEquals(Status.FAIL, own.status());
        assertEquals("control-plane nodes: cp", own.observed());
    }

    @Test
    void aCrashingCoreDns() throws Exception {
        cluster.addNode("cp", true, labels(CONTROL_PLANE, ""));
        ClusterFixtures.systemPods(cluster, "CrashLoopBackOff");
        CheckResult r = run(WorkloadChecks.PodsRunning.from(Params.of("selector", "k8s-app=kube-dns", "min", 2)));
        assertEquals(Status.FAIL, r.status());
        assertEquals("coredns-7c65d6cfc9-abcde: CrashLoopBackOff (container main, restarts 12); "
                + "coredns-7c65d6cfc9-fghij: Running, ready", r.observed());
        CheckResult d = run(WorkloadChecks.DeploymentAvailable.from(Params.of("namespace", "kube-system", "name", "coredns")));
        assertEquals("1/2 replicas available", d.observed());
        assertEquals(Status.FAIL, d.status());
    }

    @Test
    void noPodsNoDeploymentNoEndpoints() throws Exception {
        assertEquals("no pods match k8s-app=calico-node", run(WorkloadChecks.PodsRunning.from(
                Params.of("selector", "k8s-app=calico-node"))).observed());
        assertEquals("no deployment default/nginx", run(WorkloadChecks.DeploymentAvailable.from(
                Params.of("name", "nginx"))).observed());
        cluster.addService("default", "nginx");
        CheckResult e = run(WorkloadChecks.ServiceEndpoints.from(Params.of("name", "nginx")));
        assertEquals(Status.FAIL, e.status());
        assertEquals("no ready endpoints", e.observed());
    }

    @Test
    void aKubeletOutsideTheSupportedSkew() throws Exception {
        cluster.addNode("new", "True", "KubeletReady", "", Map.of(), "v1.32.0");
        cluster.addNode("old", "True", "KubeletReady", "", Map.of(), "v1.27.9");
        cluster.addNode("fine", "True", "KubeletReady", "", Map.of(), "v1.28.4");
        CheckResult r = run(VersionSkewCheck.from(Params.of()));
        assertEquals(Status.FAIL, r.status());
        assertEquals("kubelets from 1.28 to 1.31 (API server 1.31.2)", r.expected());
        assertEquals("fine 1.28.4, new 1.32.0, old 1.27.9", r.observed());
        assertTrue(r.hint().startsWith("upgrade the kubelet on new, old"), r.hint());
    }
}
