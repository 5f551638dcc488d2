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
        store.save(p);
        Progress back = store.load("kubeadm").orElseThrow();
        assertEquals("init", back.current());
        assertEquals(StepState.DONE, back.step("preflight").state());
        assertEquals(2, back.step("preflight").hintsShown());
        assertEquals("10.244.0.0/16", back.variables().get("pod_cidr"));
        assertEquals("/home/me/hosts.yaml", back.settings().get("inventory"));
        try (var files = Files.list(state.resolve("progress"))) {
            assertEquals(1, files.count(), "only the progress file, no temp files");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("kubeadm"))));
    }

    @Test
    void aDamagedFileIsOneClearLine() throws Exception {
        ProgressStore store = new ProgressStore(state);
        Files.createDirectories(store.file("x").getParent());
        Files.writeString(store.file("x"), "{\"lab\": \"x\", \"cur");
        LabException e = assertThrows(LabException.class, () -> store.load("x"));
        assertTrue(e.getMessage().startsWith("progress file " + store.file("x") + " is damaged"), e.getMessage());
        assertTrue(e.getMessage().endsWith("run `lab reset --all --yes` to start the lab again"), e.getMessage());
    }
}
