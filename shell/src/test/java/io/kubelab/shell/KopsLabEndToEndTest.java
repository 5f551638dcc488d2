package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kOps lab from the OS shell with test-fixture kops and aws and a mock API server. */
class KopsLabEndToEndTest {
    @TempDir
    Path home;
    MockCluster cluster;
    ShellRun lab;
    Path cloud;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.start();
        FakeTools tools = KopsFixture.install(home.resolve("fixtures"), cluster);
        cloud = home.resolve("cloud-fixture");
        lab = new ShellRun(home).env("PATH", tools.path()).env("CLOUD_FIXTURE", cloud.toString());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private List<String> recorded() throws Exception {
        return LedgerIds.of(lab);
    }

    @Test
    void theBooksFivePoliciesAreNotEnough() throws Exception {
        Files.createDirectories(cloud);
        Files.createFile(cloud.resolve(".five-policies"));
        ShellRun.Result r = lab.run("run", "kops", "prerequisites");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("✗ fail  the IAM group kops has kOps's seven policies (iam)"), r.out());
        assertTrue(r.out().contains("AmazonSQSFullAccess and AmazonEventBridgeFullAccess"), r.out());
    }

    @Test
    void aClusterWithItsControlPlaneAcrossThreeZonesFromStateStoreToTeardown() throws Exception {
        ShellRun.Result run = lab.run("run", "kops", "--yes", "--set", "state_bucket=kubelab-state-example");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("--control-plane-zones 'us-west-2a,us-west-2b,us-west-2c' --control-plane-size "
                + "t3.medium"), run.out());
        assertTrue(run.out().contains("Must specify --yes to apply changes"), "the preview ran: " + run.out());
        assertTrue(run.out().contains("Your cluster kubelab.k8s.local is ready"), run.out());
        assertTrue(run.out().contains("Cloud provider to use - aws, digitalocean, gce, hetzner, openstack, scaleway"),
                run.out());
        assertEquals(List.of("kops/s3-bucket/kubelab-state-example@us-west-2",
                "kops/s3-bucket/kubelab-state-example-oidc@us-west-2", "kops/kops-cluster/kubelab.k8s.local@us-west-2"),
                recorded());
        assertTrue(run.out().contains("one control-plane node in each of us-west-2a,us-west-2b,us-west-2c"), run.out());

        ShellRun.Result wrong = lab.run("answer", "kops", "a,b,c");
        assertEquals(1, wrong.exit());
        assertEquals(0, lab.run("answer", "kops", "a,b").exit());
        assertEquals(0, lab.run("check", "kops").exit());

        ShellRun.Result down = lab.run("run", "kops", "teardown", "--yes");
        assertEquals(0, down.exit(), down.toString());
        assertEquals(List.of(), recorded());
        assertFalse(Files.exists(cloud.resolve("buckets/kubelab-state-example")));
        assertFalse(Files.exists(cloud.resolve("buckets/kubelab-state-example-oidc")));
    }

    /** `lab test`: every step's checks fail before it and pass after it, the teardown included. */
    @Test
    void labTestProvesEveryStepFromBothSides() {
        ShellRun.Result r = lab.run("test", "kops", "--set", "state_bucket=kubelab-state-example");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("lab test kops: passed"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("✓ teardown · after")), r.out());
    }
}
