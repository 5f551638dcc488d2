package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EKS lab from the OS shell with test-fixture eksctl and aws and a mock API server. */
class EksLabEndToEndTest {
    @TempDir
    Path home;
    MockCluster cluster;
    ShellRun lab;
    Path eksctlState;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.start();
        FakeTools tools = EksctlFixture.install(home.resolve("fixtures"), cluster);
        eksctlState = home.resolve("eksctl-fixture");
        lab = new ShellRun(home).env("PATH", tools.path()).env("EKSCTL_FIXTURE", eksctlState.toString());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private int recorded() throws Exception {
        return LedgerIds.of(lab).size();
    }

    @Test
    void aDryRunShowsTheConfigTheCommandsAndTheBillAndCreatesNothing() throws Exception {
        ShellRun.Result dry = lab.run("run", "eks", "--all", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("    desiredCapacity: 2"), dry.out());
        assertTrue(dry.out().contains("eksctl create cluster -f " + home.resolve("state/kubelab/work/eks/cluster.yaml")
                + " --dry-run"), dry.out());
        assertTrue(dry.err().contains("eks-cluster kubelab (aws us-west-2): about $0.25/h, price checked 2026-11"), dry.err());
        assertEquals(0, recorded());
        assertFalse(Files.exists(eksctlState.resolve("clusters/kubelab")));
        assertFalse(Files.exists(home.resolve("state/kubelab/work/eks/cluster.yaml")), "not even the config is written");
    }

    @Test
    void aManagedNodeGroupFromConfigToTeardown() throws Exception {
        ShellRun.Result run = lab.run("run", "eks", "--yes");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("[✔]  EKS cluster \"kubelab\" in \"us-west-2\" region is ready"), run.out());
        String config = Files.readString(home.resolve("state/kubelab/work/eks/cluster.yaml"));
        assertTrue(config.contains("created-by: kubelab") && config.contains("managedNodeGroups:"), config);
        assertEquals(1, recorded());
        assertFalse(Files.exists(home.resolve(".kube/config")), "the learner's own kubeconfig is left alone");

        assertEquals(0, lab.run("answer", "eks", "a,b,c").exit());
        ShellRun.Result check = lab.run("check", "eks");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("2 nodes, none of them a control plane"), check.out());

        ShellRun.Result down = lab.run("run", "eks", "teardown", "--yes");
        assertEquals(0, down.exit(), down.toString());
        assertEquals(0, recorded());
        assertFalse(Files.exists(eksctlState.resolve("clusters/kubelab")));
    }

    @Test
    void aCreateThatFailsHalfwayStaysOnTheLedgerUntilTeardownHasDeletedIt() throws Exception {
        Files.createDirectories(eksctlState);
        Files.createFile(eksctlState.resolve(".halfway"));
        ShellRun.Result run = lab.run("run", "eks", "--yes");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("eks-cluster kubelab may exist: it stays on the cloud ledger; the teardown step "
                + "deletes it, or by hand: eksctl delete cluster --name kubelab --region us-west-2 --wait"), run.err());
        assertEquals(1, recorded());
        assertTrue(lab.run("list").err().contains("On the cloud ledger, still costing money: eks-cluster kubelab (aws "
                + "us-west-2) for 0 min"));

        ShellRun.Result down = lab.run("run", "eks", "teardown", "--yes");
        assertEquals(0, down.exit(), down.toString());
        assertEquals(0, recorded());
        assertFalse(Files.exists(eksctlState.resolve("clusters/kubelab")));
    }

    /** `lab test`: every step's checks fail before it and pass after it, the teardown included. */
    @Test
    void labTestProvesEveryStepFromBothSides() {
        ShellRun.Result r = lab.run("test", "eks");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("lab test eks: passed"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("✓ teardown · after")), r.out());
    }
}
