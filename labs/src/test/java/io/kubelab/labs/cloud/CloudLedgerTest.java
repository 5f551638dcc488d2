package io.kubelab.labs.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.nodes.LocalNode;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.RecordingListener;
import io.kubelab.labs.run.RunOptions;
import io.kubelab.labs.run.SessionConfig;
import io.kubelab.labs.run.StepOutcome;
import io.kubelab.labs.state.StepState;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud ledger around real commands: a stand-in cloud CLI (a test fixture keeping its
 * "resources" as files) is created through, deleted through and asked with describe, and what
 * the ledger holds is read back from its file after each move.
 */
class CloudLedgerTest {
    @TempDir
    Path dir;
    RecordingListener events = new RecordingListener();
    Path cloud;

    /** create/describe/delete NAME; a file .halfway makes create leave NAME and fail, .logged-out fails everything. */
    static final String FAKECLOUD = """
            #!/usr/bin/env bash
            d="$FAKECLOUD_DIR"
            if [ -e "$d/.logged-out" ]; then echo 'ERROR: You do not currently have an active account selected.' >&2; exit 1; fi
            case "$1" in
              create) if [ -e "$d/.halfway" ]; then touch "$d/$2"; echo 'ERROR: quota exceeded' >&2; exit 1; fi
                      if [ -e "$d/.refused" ]; then echo 'ERROR: invalid machine type' >&2; exit 1; fi
                      touch "$d/$2"; echo "created $2" ;;
              describe) if [ -e "$d/$2" ]; then echo RUNNING; else echo "ERROR: code=404, message=Not found: $2" >&2; exit 1; fi ;;
              delete) if [ -e "$d/.stuck" ]; then echo 'ERROR: deletion in progress elsewhere' >&2; exit 1; fi
                      rm -f "$d/$2" ;;
            esac
            """;

    static final String LAB = """
            format: 1
            id: cloudy
            title: {en: Cloudy, zh-CN: 多云}
            variables:
              cluster: {default: demo, pattern: '[a-z][a-z0-9-]*'}
              type: {default: small, choices: [small, big]}
            steps:
              - id: create
                title: {en: Create, zh-CN: 创建}
                confirm: {en: This costs money. Continue?, zh-CN: 这会产生费用。是否继续？}
                actions:
                  - create: test-cluster
                    if: "{{type}} == small"
                    provider: gcp
                    name: "{{cluster}}"
                    where: us-central1-a
                    account: class-project
                    command: "cat \\"$LEDGER\\"; fakecloud create {{cluster}}"
                    describe: fakecloud describe {{cluster}}
                    not_found: "code=404"
                    delete: fakecloud delete {{cluster}}
                    per_hour: "0.14"
                    priced: "2026-11"
                  - create: test-cluster
                    if: "{{type}} == big"
                    provider: gcp
                    name: "{{cluster}}-big"
                    where: us-central1
                    command: fakecloud create {{cluster}}-big
                    describe: fakecloud describe {{cluster}}-big
                    not_found: "code=404"
                    delete: fakecloud delete {{cluster}}-big
                    per_hour: "0.21"
                    priced: "2026-11"
              - id: teardown
                title: {en: Teardown, zh-CN: 拆除}
                optional: true
                actions:
                  - destroy: test-cluster
            """;

    @BeforeEach
    void setUp() throws Exception {
        cloud = Files.createDirectories(dir.resolve("cloud"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("fakecloud");
        Files.writeString(script, FAKECLOUD);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Lab lab() throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("cloudy"));
        Files.writeString(labDir.resolve("lab.yaml"), LAB);
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir));
        assertTrue(r.lab().isPresent(), r.problems().toString());
        return r.lab().get();
    }

    private LabSession session(Map<String, String> given) throws Exception {
        Map<String, String> env = Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin", "HOME", dir.toString(),
                "FAKECLOUD_DIR", cloud.toString(), "LEDGER", ledger().file().toString());
        SessionConfig config = new SessionConfig(dir.resolve("state"), env, "en", given, Prompter.NONE, events,
                CheckRegistry.standard(env), null);
        return new LabSession(lab(), config, Nodes.localOnly(new LocalNode(new LocalHost(env, dir))));
    }

    private Ledger ledger() {
        return new Ledger(dir.resolve("state"));
    }

    private static RunOptions yes() {
        return new RunOptions(true, null, 0);
    }

    @Test
    void aBillableStepIsNotRunWithoutAYes() throws Exception {
        try (LabSession s = session(Map.of())) {
            LabException e = assertThrows(LabException.class, () -> s.run(s.step("create"), RunOptions.defaults()));
            assertEquals("step 'create' creates billable cloud resources (test-cluster demo (gcp us-central1-a, "
                    + "project class-project): about $0.14/h, price checked 2026-11); pass --yes to run it without asking",
                    e.getMessage());
            assertEquals(List.of(), ledger().all());
            assertFalse(Files.exists(cloud.resolve("demo")));
        }
    }

    @Test
    void theResourceIsOnTheLedgerBeforeItsCreateRunsAndTheBillIsShown() throws Exception {
        try (LabSession s = session(Map.of())) {
            StepOutcome out = s.run(s.step("create"), yes());
            assertEquals(StepState.DONE, out.state(), out.toString());
            // The create command printed the ledger as it was when the command started: the record was there.
            assertTrue(events.text().contains("\"name\" : \"demo\""), events.text());
            assertTrue(events.text().contains("  test-cluster demo (gcp us-central1-a, project class-project): about "
                    + "$0.14/h, price checked 2026-11"), events.text());
        }
        CloudResource r = ledger().all().get(0);
        assertEquals("cloudy/test-cluster/demo@us-central1-a", r.id());
        assertEquals("fakecloud delete demo", r.delete());
        assertEquals(new BigDecimal("0.14"), r.perHour());
        assertEquals(1, ledger().all().size());
    }

    @Test
    void aVariableChoosesWhichCreateRunsAndWhatTheBillSays() throws Exception {
        try (LabSession s = session(Map.of("type", "big"))) {
            assertEquals(List.of("This step creates billable resources in your cloud account (prices are estimates):",
                    "  test-cluster demo-big (gcp us-central1): about $0.21/h, price checked 2026-11",
                    "They stay on the cloud ledger until the teardown step has deleted them (lab resources lists them)."),
                    s.bill(s.step("create")));
            assertEquals(StepState.DONE, s.run(s.step("create"), yes()).state());
        }
        assertEquals(List.of("demo-big"), ledger().all().stream().map(CloudResource::name).toList());
        assertTrue(Files.exists(cloud.resolve("demo-big")));
        assertFalse(Files.exists(cloud.resolve("demo")));
    }

    @Test
    void aCreateThatFailsLeavingNothingIsTakenOffTheLedger() throws Exception {
        Files.createFile(cloud.resolve(".refused"));
        try (LabSession s = session(Map.of())) {
            assertEquals(StepState.FAILED, s.run(s.step("create"), yes()).state());
        }
        assertEquals(List.of(), ledger().all());
        assertTrue(events.text().contains("the create left nothing behind: test-cluster demo is off the cloud ledger"),
                events.text());
    }

    @Test
    void aCreateThatFailsHalfwayStaysOnTheLedgerAndTeardownDeletesIt() throws Exception {
        Files.createFile(cloud.resolve(".halfway"));
        try (LabSession s = session(Map.of())) {
            assertEquals(StepState.FAILED, s.run(s.step("create"), yes()).state());
            assertEquals(1, ledger().all().size());
            assertTrue(events.text().contains("test-cluster demo may exist: it stays on the cloud ledger; the teardown "
                    + "step deletes it, or by hand: fakecloud delete demo"), events.text());
            StepOutcome down = s.run(s.step("teardown"), yes());
            assertEquals(StepState.DONE, down.state(), down.toString());
        }
        assertEquals(List.of(), ledger().all());
        assertFalse(Files.exists(cloud.resolve("demo")));
    }

    @Test
    void aResourceThatExistsIsNotCreatedTwice() throws Exception {
        try (LabSession s = session(Map.of())) {
            s.run(s.step("create"), yes());
            events.clear();
            assertEquals(StepState.DONE, s.run(s.step("create"), yes()).state());
            assertTrue(events.text().contains("fakecloud create demo (test-cluster demo exists already)"), events.text());
        }
        assertEquals(1, ledger().all().size());
    }

    @Test
    void aDeleteThatLeavesItThereFailsSayingHowToDeleteItByHand() throws Exception {
        try (LabSession s = session(Map.of())) {
            s.run(s.step("create"), yes());
            Files.createFile(cloud.resolve(".stuck"));
            StepOutcome down = s.run(s.step("teardown"), yes());
            assertEquals(StepState.FAILED, down.state());
            assertEquals("local: test-cluster demo is still there (gcp us-central1-a, project class-project); delete it "
                    + "by hand: fakecloud delete demo", down.problem());
        }
        assertEquals(1, ledger().all().size());
    }

    @Test
    void whenLabCannotLookTheResourceIsNeverTakenForGone() throws Exception {
        try (LabSession s = session(Map.of())) {
            s.run(s.step("create"), yes());
            Files.createFile(cloud.resolve(".logged-out"));
            StepOutcome down = s.run(s.step("teardown"), yes());
            assertEquals(StepState.FAILED, down.state());
            assertTrue(down.problem().startsWith("local: cannot tell whether test-cluster demo is gone (gcp "
                    + "us-central1-a, project class-project): ERROR: You do not currently have an active account "
                    + "selected.; it stays on the cloud ledger"), down.problem());
        }
        assertEquals(1, ledger().all().size());
    }

    @Test
    void aTeardownWithNothingOnTheLedgerSaysSo() throws Exception {
        try (LabSession s = session(Map.of())) {
            StepOutcome down = s.run(s.step("teardown"), yes());
            assertEquals(StepState.DONE, down.state());
            assertTrue(events.text().contains("no test-cluster of this lab is on the cloud ledger"), events.text());
        }
    }

    @Test
    void twoProcessesRecordingAtOnceLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                all.add(pool.submit(() -> new Ledger(dir.resolve("state")).record(resource("c" + n))));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(40, ledger().all().size());
        assertTrue(ledger().remove("cloudy/k/c7@z"));
        assertFalse(ledger().remove("cloudy/k/c7@z"));
        assertEquals(39, ledger().all().size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger().file())));
    }

    @Test
    void recordingAgainKeepsTheFirstTimeAndADamagedLedgerIsNamedNotGuessedAt() throws Exception {
        Ledger l = ledger();
        CloudResource first = resource("c1");
        l.record(first);
        l.record(new CloudResource("cloudy", "gcp", "k", "c1", "z", "", "", first.since().plusSeconds(600),
                BigDecimal.ONE, "2026-11", "d", "s", "x"));
        assertEquals(first.since(), l.all().get(0).since());
        assertEquals(new BigDecimal("1.00"), l.all().get(0).costSoFar(first.since().plus(Duration.ofHours(1))));
        Files.writeString(l.file(), "{\"resources\": [ {\"lab\": 3");
        LabException e = assertThrows(LabException.class, l::all);
        assertTrue(e.getMessage().startsWith("the cloud ledger " + l.file() + " is damaged ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("it lists what lab created in your cloud accounts: read it, delete what it "
                + "names by hand, then move it away"), e.getMessage());
    }

    private static CloudResource resource(String name) {
        return new CloudResource("cloudy", "gcp", "k", name, "z", "", "", Instant.parse("2026-12-07T10:00:00Z"),
                new BigDecimal("0.10"), "2026-11", "fakecloud delete " + name, "fakecloud describe " + name, "code=404");
    }
}
