package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GKE lab from the OS shell with a test-fixture gcloud and a mock API server: the bill before
 * the create, the ledger while the cluster exists (and after lab is killed mid-create), the zones
 * of each kind of cluster, the managed control plane, and a teardown that confirms the cluster gone.
 */
class GkeLabEndToEndTest {
    @TempDir
    Path home;
    MockCluster cluster;
    ShellRun lab;
    Path gcloudState;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.start();
        FakeTools tools = GcloudFixture.install(home.resolve("fixtures"), cluster);
        gcloudState = home.resolve("gcloud-fixture");
        lab = new ShellRun(home).env("PATH", tools.path()).env("GCLOUD_FIXTURE", gcloudState.toString());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private JsonNode resources() throws Exception {
        ShellRun.Result r = lab.run("resources", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        return JsonMapper.builder().build().readTree(r.out()).get("resources");
    }

    @Test
    void aRegionalClusterFromBillToTeardown() throws Exception {
        ShellRun.Result refused = lab.run("run", "gke", "create", "--set", "project=kubelab-class-1");
        assertEquals(2, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("step 'create' creates billable cloud resources (gke-cluster kubelab (gcp "
                + "us-central1-a, project kubelab-class-1): about $0.14/h, price checked 2026-11); pass --yes"), refused.err());
        assertEquals(0, resources().size(), "nothing recorded, nothing created");

        ShellRun.Result run = lab.run("run", "gke", "--yes", "--set", "project=kubelab-class-1", "--set", "type=regional");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("  gke-cluster kubelab (gcp us-central1, project kubelab-class-1): about $0.21/h, "
                + "price checked 2026-11"), run.err());
        assertTrue(run.out().contains("→ local KUBECONFIG=" + home.resolve("state/kubelab/work/gke/kubeconfig")
                + " gcloud container clusters create kubelab --project kubelab-class-1 --location us-central1 "), run.out());
        assertFalse(Files.exists(home.resolve(".kube/config")), "the learner's own kubeconfig is left alone");

        JsonNode recorded = resources();
        assertEquals(1, recorded.size());
        assertEquals("gke/gke-cluster/kubelab@us-central1", recorded.get(0).get("id").asString());
        assertEquals("gcloud container clusters delete kubelab --project kubelab-class-1 --location us-central1 --quiet",
                recorded.get(0).get("delete").asString());

        ShellRun.Result list = lab.run("list");
        assertTrue(list.err().contains("On the cloud ledger, still costing money: gke-cluster kubelab (gcp us-central1, "
                + "project kubelab-class-1) for 0 min — about $0.00 so far."), list.err());

        assertEquals(0, lab.run("answer", "gke", "a,b,c").exit());
        ShellRun.Result check = lab.run("check", "gke", "-o", "json");
        assertEquals(0, check.exit(), check.toString());
        JsonNode results = JsonMapper.builder().build().readTree(check.out()).get("results");
        List<String> checked = new ArrayList<>();
        results.forEach(r -> checked.add(r.get("check").asString() + "=" + r.get("status").asString()));
        assertTrue(checked.contains("regional=pass") && checked.contains("managed=pass") && checked.contains("context=pass"),
                checked.toString());
        assertFalse(checked.stream().anyMatch(c -> c.startsWith("zonal=") || c.startsWith("multi-zonal=")),
                "checks for the other kinds of cluster are not run: " + checked);

        ShellRun.Result down = lab.run("run", "gke", "teardown", "--yes");
        assertEquals(0, down.exit(), down.toString());
        assertTrue(down.err().contains("gke-cluster kubelab is gone: off the cloud ledger"), down.err());
        assertEquals(0, resources().size());
        assertFalse(Files.exists(gcloudState.resolve("clusters/kubelab")), "the fixture deleted it");
        assertFalse(lab.run("list").err().contains("cloud ledger"));
    }

    @Test
    void theZonesOfAMultiZonalClusterAreChecked() throws Exception {
        ShellRun.Result run = lab.run("run", "gke", "--yes", "--set", "project=kubelab-class-1", "--set",
                "type=multi-zonal", "--set", "other_zones=us-central1-c");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("--node-locations 'us-central1-a,us-central1-c'"), run.out());
        ShellRun.Result check = lab.run("check", "gke", "verify");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("2 zones: gke-kubelab-default-pool-1=us-central1-a, "
                + "gke-kubelab-default-pool-2=us-central1-c"), check.out());
        // A node in a zone that was not asked for fails the multi-zonal check, naming it.
        cluster.addNode("stray", true, java.util.Map.of("topology.kubernetes.io/zone", "us-central1-f"));
        ShellRun.Result stray = lab.run("check", "gke", "verify");
        assertEquals(1, stray.exit(), stray.toString());
        assertTrue(stray.out().contains("nodes in zones not asked for: us-central1-f"), stray.out());
        assertEquals(0, lab.run("run", "gke", "teardown", "--yes").exit());
    }

    @Test
    void killedMidCreateTheClusterIsOnTheLedgerAndTeardownDeletesIt() throws Exception {
        Files.createDirectories(gcloudState);
        Files.createFile(gcloudState.resolve(".slow"));
        Process killed = lab.start(home.resolve("lab.out"), "run", "gke", "create", "--yes", "--set",
                "project=kubelab-class-1");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(gcloudState.resolve("clusters/kubelab")) && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(gcloudState.resolve("clusters/kubelab")), Files.readString(home.resolve("lab.out")));
        List<ProcessHandle> children = new ArrayList<>(killed.descendants().toList());
        killed.destroyForcibly(); // SIGKILL: lab has no chance to write anything more
        assertTrue(killed.waitFor(10, TimeUnit.SECONDS));
        children.forEach(ProcessHandle::destroyForcibly);
        Files.delete(gcloudState.resolve(".slow"));

        assertEquals(1, resources().size(), "recorded before the create ran");
        ShellRun.Result status = lab.run("status", "gke");
        assertTrue(status.err().contains("On the cloud ledger, still costing money: gke-cluster kubelab"), status.err());
        ShellRun.Result text = lab.run("resources");
        assertTrue(text.out().contains("delete by hand: gcloud container clusters delete kubelab --project kubelab-class-1 "
                + "--location us-central1-a --quiet"), text.out());

        ShellRun.Result down = lab.run("run", "gke", "teardown", "--yes");
        assertEquals(0, down.exit(), down.toString());
        assertEquals(0, resources().size());
        assertFalse(Files.exists(gcloudState.resolve("clusters/kubelab")));
        assertTrue(lab.run("resources").out().contains("Nothing on the cloud ledger"));
    }

    @Test
    void aDryRunShowsEveryCommandAndTheBillAndCreatesNothing() throws Exception {
        ShellRun.Result dry = lab.run("run", "gke", "--all", "--dry-run", "--set", "project=kubelab-class-1");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("gcloud container clusters create kubelab --project kubelab-class-1 --location "
                + "us-central1-a --num-nodes 1"), dry.out());
        assertTrue(dry.out().contains("gcloud container clusters get-credentials kubelab --project kubelab-class-1"), dry.out());
        assertTrue(dry.err().contains("gke-cluster kubelab (gcp us-central1-a, project kubelab-class-1): about $0.14/h"),
                dry.err());
        assertEquals(0, resources().size());
        assertFalse(Files.exists(gcloudState.resolve("clusters")), "the fixture gcloud was not asked to create anything");
    }

    @Test
    void theBillSpeaksChinese() throws Exception {
        ShellRun.Result refused = lab.run("run", "gke", "create", "--set", "project=kubelab-class-1", "--lang", "zh-CN");
        assertEquals(2, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("步骤 'create' 会创建收费的云资源（gke-cluster kubelab（gcp us-central1-a，项目 "
                + "kubelab-class-1）：大约 $0.14/h，价格核对于 2026-11）；加上 --yes 可以不经询问直接运行"), refused.err());
    }

    /** `lab test`: every step's checks fail before it and pass after it, the teardown included. */
    @Test
    void labTestProvesEveryStepFromBothSides() {
        ShellRun.Result r = lab.run("test", "gke", "--set", "project=kubelab-class-1");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("lab test gke: passed"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("✓ teardown · after")), r.out());
    }
}
