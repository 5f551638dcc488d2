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

/** The AKS lab from the OS shell with a test-fixture az and a mock API server. */
class AksLabEndToEndTest {
    @TempDir
    Path home;
    MockCluster cluster;
    ShellRun lab;
    Path azState;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.start();
        FakeTools tools = AzFixture.install(home.resolve("fixtures"), cluster);
        azState = home.resolve("az-fixture");
        lab = new ShellRun(home).env("PATH", tools.path()).env("AZ_FIXTURE", azState.toString());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private List<String> recorded() throws Exception {
        return LedgerIds.of(lab);
    }

    @Test
    void aResourceGroupAndAClusterFromBillToTeardown() throws Exception {
        ShellRun.Result run = lab.run("run", "aks", "--yes");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("  aks-cluster kubelab (azure eastus, resource group kubelab-aks): about $0.05/h, "
                + "price checked 2026-11"), run.err());
        assertEquals(List.of("aks/resource-group/kubelab-aks@eastus", "aks/aks-cluster/kubelab@eastus"), recorded());
        assertFalse(Files.exists(home.resolve(".kube/config")), "the learner's own kubeconfig is left alone");

        assertEquals(0, lab.run("answer", "aks", "a,b,c").exit());
        ShellRun.Result check = lab.run("check", "aks");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("1 nodes, none of them a control plane"), check.out());

        ShellRun.Result down = lab.run("run", "aks", "teardown", "--yes");
        assertEquals(0, down.exit(), down.toString());
        // One delete: the group's. The cluster went with it, which its own describe then confirms.
        assertTrue(down.err().contains("resource-group kubelab-aks is gone: off the cloud ledger"), down.err());
        assertTrue(down.err().contains("aks-cluster kubelab is gone: off the cloud ledger"), down.err());
        assertEquals(List.of(), recorded());
        assertFalse(Files.exists(azState.resolve("groups/kubelab-aks")));
    }

    @Test
    void aDryRunShowsEveryCommandAndTheBillAndCreatesNothing() throws Exception {
        ShellRun.Result dry = lab.run("run", "aks", "--all", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("az aks create --resource-group kubelab-aks --name kubelab --node-count 1"), dry.out());
        assertTrue(dry.out().contains("az aks get-credentials --resource-group kubelab-aks --name kubelab --file "), dry.out());
        assertTrue(dry.err().contains("resource-group kubelab-aks (azure eastus): about $0.00/h"), dry.err());
        assertEquals(List.of(), recorded());
        assertFalse(Files.exists(azState.resolve("groups")) && Files.list(azState.resolve("groups")).findAny().isPresent());
    }

    @Test
    void aClusterLeftFailedIsStillDeletedWithItsGroup() throws Exception {
        Files.createDirectories(azState);
        Files.createFile(azState.resolve(".halfway"));
        ShellRun.Result run = lab.run("run", "aks", "--yes");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().contains("exceeding approved standardBSFamily Cores quota"), run.out());
        assertEquals(2, recorded().size(), "the group and the failed cluster, which exists and may cost money");
        ShellRun.Result status = lab.run("status", "aks", "--lang", "zh-CN");
        assertTrue(status.err().contains("云资源记录中仍在产生费用的资源：resource-group kubelab-aks（azure eastus），已存在 0 分钟；"
                + "aks-cluster kubelab（azure eastus，资源组 kubelab-aks），已存在 0 分钟——到目前为止大约 $0.00。"), status.err());

        ShellRun.Result down = lab.run("run", "aks", "teardown", "--yes");
        assertEquals(0, down.exit(), down.toString());
        assertEquals(List.of(), recorded());
        assertFalse(Files.exists(azState.resolve("groups/kubelab-aks")));
    }

    /** `lab test`: every step's checks fail before it and pass after it, the teardown included. */
    @Test
    void labTestProvesEveryStepFromBothSides() {
        ShellRun.Result r = lab.run("test", "aks");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("lab test aks: passed"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("✓ teardown · after")), r.out());
    }
}
