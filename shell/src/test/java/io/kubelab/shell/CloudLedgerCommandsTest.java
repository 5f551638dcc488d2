package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.cloud.CloudResource;
import io.kubelab.labs.cloud.Ledger;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the learner sees of the cloud ledger: `lab resources`, the warnings, forgetting one, a damaged ledger. */
class CloudLedgerCommandsTest {
    @TempDir
    Path home;
    ShellRun lab;
    Ledger ledger;

    @BeforeEach
    void setUp() {
        lab = new ShellRun(home);
        ledger = new Ledger(home.resolve("state/kubelab"));
    }

    private void recordTwoHoursAgo() {
        ledger.record(new CloudResource("gke", "gcp", "gke-cluster", "kubelab", "us-central1-a", "", "class-1",
                Instant.now().minus(Duration.ofMinutes(125)), new BigDecimal("0.14"), "2026-11",
                "gcloud container clusters delete kubelab --project class-1 --location us-central1-a --quiet",
                "gcloud container clusters describe kubelab --project class-1 --location us-central1-a", "code=404"));
    }

    @Test
    void resourcesListsWhatIsStillThereWithItsCostAndHowToDeleteIt() {
        assertTrue(lab.run("resources").out().contains("Nothing on the cloud ledger"));
        recordTwoHoursAgo();
        ShellRun.Result r = lab.run("resources");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("gke-cluster kubelab  gcp us-central1-a, project class-1  (gke)"), r.out());
        assertTrue(r.out().contains("for 2 h 05 min, about $0.29 so far ($0.14/h, price checked 2026-11)"), r.out());
        assertTrue(r.out().contains("delete by hand: gcloud container clusters delete kubelab --project class-1 "
                + "--location us-central1-a --quiet"), r.out());
        assertTrue(r.out().contains("In all: about $0.29 so far, $0.14/h while they run."), r.out());
        ShellRun.Result zh = lab.run("resources", "--lang", "zh-CN");
        assertTrue(zh.out().contains("已存在 2 小时 05 分钟，到目前为止大约 $0.29（$0.14/h，价格核对于 2026-11）"), zh.out());
        assertTrue(zh.out().contains("gcp us-central1-a，项目 class-1"), zh.out());
    }

    @Test
    void theBannerListAndStatusWarnWhileAnythingIsRecorded() {
        recordTwoHoursAgo();
        String warning = "On the cloud ledger, still costing money: gke-cluster kubelab (gcp us-central1-a, project "
                + "class-1) for 2 h 05 min — about $0.29 so far.";
        assertTrue(lab.run("list").err().contains(warning));
        assertTrue(lab.run("status", "minikube").err().contains(warning));
        ShellRun.Result banner = lab.stdin("").run("start", "minikube");
        assertTrue(banner.err().contains(warning), banner.toString());
    }

    @Test
    void forgettingOneAsksFirstAndNeedsItsId() {
        recordTwoHoursAgo();
        String id = "gke/gke-cluster/kubelab@us-central1-a";
        ShellRun.Result unknown = lab.run("resources", "--forget", "nope", "--yes");
        assertEquals(2, unknown.exit());
        assertEquals("lab: nothing on the cloud ledger has the id nope; `lab resources -o json` lists the ids\n",
                unknown.err());
        ShellRun.Result asks = lab.run("resources", "--forget", id);
        assertEquals(2, asks.exit());
        assertTrue(asks.err().contains("pass --yes once you have deleted it"), asks.err());
        assertEquals(1, ledger.all().size());
        ShellRun.Result gone = lab.run("resources", "--forget", id, "--yes");
        assertEquals(0, gone.exit(), gone.toString());
        assertTrue(gone.out().contains("Off the cloud ledger: gke-cluster kubelab."), gone.out());
        assertEquals(0, ledger.all().size());
    }

    @Test
    void aDamagedLedgerIsSaidInOneLineAndHidesNoLab() throws Exception {
        Files.createDirectories(ledger.file().getParent());
        Files.writeString(ledger.file(), "{not json");
        ShellRun.Result list = lab.run("list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains("minikube"), list.out());
        java.util.List<String> said = list.err().lines().filter(l -> l.contains("ledger")).toList();
        assertEquals(1, said.size(), list.err());
        assertTrue(said.get(0).startsWith("lab: warning: the cloud ledger " + ledger.file() + " is damaged (Unexpected "
                + "character"), said.get(0));
        assertTrue(said.get(0).endsWith("read it, delete what it names by hand, then move it away"), said.get(0));
        assertTrue(list.err().lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), list.err());
        ShellRun.Result resources = lab.run("resources");
        assertEquals(2, resources.exit(), resources.toString());
        assertEquals(1, resources.err().lines().count(), resources.err());
    }
}
