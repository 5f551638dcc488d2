package io.kubelab.labs.machines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import io.kubelab.labs.nodes.inventory.Inventory;
import io.kubelab.labs.nodes.inventory.InventoryReader;
import io.kubelab.labs.nodes.inventory.SshConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What lab keeps about its machines, whatever made them: the record, lab's key, the inventory the
 * labs read, and each machine's host key in lab's known_hosts. The provider here is a test double
 * that makes no machines (the nspawn provider itself runs in the end-to-end suite, as root).
 */
class MachinesTest {
    @TempDir
    Path state;

    /** Makes "machines" at 192.0.2.x with made-up host keys; remembers what it was asked. */
    static final class PaperProvider implements Provider {
        final List<String> downed = new ArrayList<>();
        boolean cleaned;
        int keyVersion = 1;

        @Override
        public String name() {
            return "paper";
        }

        @Override
        public List<String> carries() {
            return List.of("nothing");
        }

        @Override
        public Optional<String> unavailable() {
            return Optional.empty();
        }

        @Override
        public void up(List<Planned> planned, MachineRequest request, Path publicKey, Consumer<Machine> made,
                       Consumer<String> say) {
            assertTrue(Files.isRegularFile(publicKey));
            planned.forEach(p -> made.accept(new Machine(p.name(), name(), "192.0.2." + (10 + p.index() + 1), 22, "root",
                    p.roles(), "ssh-ed25519 AAAAkey" + keyVersion + p.index())));
        }

        @Override
        public boolean running(Machine machine) {
            return !downed.contains(machine.name());
        }

        @Override
        public void down(Machine machine, Consumer<String> say) {
            downed.add(machine.name());
        }

        @Override
        public void cleanUp(Consumer<String> say) {
            cleaned = true;
        }
    }

    private Machines machines(PaperProvider p) {
        return new Machines(state, new LocalHost(Map.of("PATH", "/usr/bin:/bin"), state), Map.of(), List.of(p));
    }

    @Test
    void upWritesAnInventoryTheLabsReadAndTrustsEachHostKey() throws Exception {
        PaperProvider paper = new PaperProvider();
        Machines m = machines(paper);
        // A line an earlier machine at the same address left, and one that is not lab's: only the first goes.
        Files.writeString(state.resolve("known_hosts"), "192.0.2.11 ssh-ed25519 AAAAstale\nexample.org ssh-ed25519 AAAAother\n");
        m.up("paper", new MachineRequest(3, 1, 2, 2048), line -> { });

        Inventory inv = new InventoryReader(state, SshConfig.empty(state), "nobody").read(m.inventory());
        assertEquals(List.of("node-1"), inv.groups().get("kube_control_plane"));
        assertEquals(List.of("node-2", "node-3"), inv.groups().get("kube_node"));
        assertEquals(List.of("node-1"), inv.groups().get("etcd"));
        assertEquals("192.0.2.12", inv.hosts().get("node-2").address());
        assertEquals("root", inv.hosts().get("node-2").user());
        assertEquals(m.key(), inv.hosts().get("node-2").keyFile());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(m.key())));

        List<String> known = Files.readAllLines(state.resolve("known_hosts"));
        assertTrue(known.contains("192.0.2.11 ssh-ed25519 AAAAkey10"), known.toString());
        assertTrue(known.contains("example.org ssh-ed25519 AAAAother"), known.toString());
        assertFalse(known.toString().contains("stale"), known.toString());
        assertEquals(List.of("node-1", "node-2", "node-3"), m.list().stream().map(Machine::name).toList());
        assertEquals(List.of("ssh", "-i", m.key().toString(), "-p", "22", "-o", "UserKnownHostsFile="
                + state.resolve("known_hosts"), "-o", "StrictHostKeyChecking=yes", "root@192.0.2.13"), m.ssh("node-3"));
    }

    @Test
    void downRemovesWhatWasNamedAndLastOfAllTheSharedParts() throws Exception {
        PaperProvider paper = new PaperProvider();
        Machines m = machines(paper);
        m.up("paper", new MachineRequest(2, 2, 2, 2048), line -> { });
        assertEquals(List.of("kube_control_plane", "etcd", "kube_node"), m.list().get(0).roles(),
                "with control planes only, they run workloads too");
        LabException twice = assertThrows(LabException.class, () -> m.up("paper", new MachineRequest(1, 1, 2, 2048), l -> { }));
        assertTrue(twice.getMessage().contains("node-1, node-2") && twice.getMessage().contains("lab machines down"));

        m.down(List.of("node-2"), line -> { });
        assertEquals(List.of("node-2"), paper.downed);
        assertFalse(paper.cleaned, "node-1 still needs the bridge");
        assertFalse(Files.readString(state.resolve("known_hosts")).contains("192.0.2.12"));
        assertFalse(Files.readString(m.inventory()).contains("node-2"));

        assertThrows(LabException.class, () -> m.down(List.of("node-9"), line -> { }));
        m.down(List.of(), line -> { });
        assertTrue(paper.cleaned);
        assertEquals(List.of(), m.list());
        assertFalse(Files.exists(m.inventory()));
        assertEquals("", Files.readString(state.resolve("known_hosts")));
    }

    @Test
    void badRequestsAreOneClearLine() {
        assertThrows(LabException.class, () -> new MachineRequest(0, 1, 2, 2048));
        assertThrows(LabException.class, () -> new MachineRequest(3, 4, 2, 2048));
        LabException e = assertThrows(LabException.class, () -> machines(new PaperProvider()).provider("vagrant"));
        assertTrue(e.getMessage().contains("nspawn, multipass, lima, paper"), e.getMessage());
    }
}
