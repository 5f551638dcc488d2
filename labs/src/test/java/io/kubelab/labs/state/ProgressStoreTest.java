package io.kubelab.labs.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.LabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
    @TempDir
    Path state;

    @Test
    void roundTripsAndLeavesNoTempFiles() throws Exception {
        ProgressStore store = new ProgressStore(state);
        Progress p = Progress.start("kubeadm", "preflight")
                .withStep("preflight", StepProgress.NEW.withState(StepState.DONE).withHints(2))
                .withCurrent("init").withVariables(Map.of("pod_cidr", "10.244.0.0/16"))
                .withSetting("inventory", "/home/me/hosts.yaml");
        store.update("kubeadm", () -> p, x -> x);
        Progress back = store.load("kubeadm").orElseThrow();
        assertEquals("init", back.current());
        assertEquals(StepState.DONE, back.step("preflight").state());
        assertEquals(2, back.step("preflight").hintsShown());
        assertEquals("10.244.0.0/16", back.variables().get("pod_cidr"));
        assertEquals("/home/me/hosts.yaml", back.settings().get("inventory"));
        try (var files = Files.list(state.resolve("progress"))) {
            assertEquals(java.util.List.of("kubeadm.json", "kubeadm.lock"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "the file and its lock, no temp files");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("kubeadm"))));
    }

    /** Progress files written before (by Jackson's data-binding mapper) are read as they were. */
    @Test
    void readsTheFormatWrittenBefore() throws Exception {
        ProgressStore store = new ProgressStore(state);
        Files.createDirectories(store.file("kubeadm").getParent());
        Files.writeString(store.file("kubeadm"), """
                {
                  "format" : 1,
                  "lab" : "kubeadm",
                  "current" : "question",
                  "steps" : {
                    "init" : {"state" : "DONE", "hintsShown" : 2, "answer" : null, "correct" : null},
                    "question" : {"state" : "FAILED", "hintsShown" : 0, "answer" : "b", "correct" : false}
                  },
                  "variables" : {"k8s_minor" : "1.36"},
                  "settings" : {"inventory" : "/tmp/hosts.yaml"},
                  "updated" : "2026-11-29T02:18:50.091473393Z",
                  "added_later" : {"ignored" : [1, 2]}
                }
                """);
        Progress p = store.load("kubeadm").orElseThrow();
        assertEquals("question", p.current());
        assertEquals(new StepProgress(StepState.DONE, 2, null, null), p.step("init"));
        assertEquals(new StepProgress(StepState.FAILED, 0, "b", false), p.step("question"));
        assertEquals(Map.of("k8s_minor", "1.36"), p.variables());
        assertEquals(Map.of("inventory", "/tmp/hosts.yaml"), p.settings());
        assertEquals(java.time.Instant.parse("2026-11-29T02:18:50.091473393Z"), p.updated());
        Progress written = store.update("kubeadm", () -> p, x -> x);
        assertEquals(written, store.load("kubeadm").orElseThrow(), "what is written is read back the same");
        assertEquals(p.steps(), written.steps());
    }

    @Test
    void aDamagedFileIsOneClearLine() throws Exception {
        ProgressStore store = new ProgressStore(state);
        Files.createDirectories(store.file("x").getParent());
        Files.writeString(store.file("x"), "{\"lab\": \"x\", \"cur");
        LabException e = assertThrows(LabException.class, () -> store.load("x"));
        assertTrue(e.getMessage().startsWith("progress file " + store.file("x") + " is damaged"), e.getMessage());
        assertTrue(e.getMessage().endsWith("`lab reset x --all --yes` keeps it aside and starts the lab again"),
                e.getMessage());
    }
}
