package io.kubelab.labs.machines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import io.kubelab.labs.nodes.inventory.Inventory;
import io.kubelab.labs.nodes.inventory.InventoryHost;
import io.kubelab.labs.nodes.inventory.InventoryReader;
import io.kubelab.labs.nodes.inventory.SshConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multipass and lima providers against stand-in CLIs (test fixtures in
 * src/test/resources/fixtures/machines that print what the real tools print): what lab asks them,
 * what it reads back, and what is left when a launch fails half-way.
 */
class ProvidersTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "machines").toAbsolutePath();

    @TempDir
    Path state;
    @TempDir
    Path cli;

    private Machines machines(String failOn) {
        Map<String, String> env = new HashMap<>(Map.of("PATH", FIXTURES + ":/usr/bin:/bin", "FIXTURE_STATE", cli.toString()));
        if (failOn != null) {
            env.put("FIXTURE_FAIL_ON", failOn);
        }
        return new Machines(state, new LocalHost(env, state), env, List.of());
    }

    private Inventory inventory(Machines m) throws Exception {
        return new InventoryReader(state, SshConfig.empty(state), "nobody").read(m.inventory());
    }

    private String calls() throws Exception {
        return Files.readString(cli.resolve("calls"));
    }

    @Test
    void multipassLaunchesWithLabsKeyAndReadsTheAddressAndHostKeyBack() throws Exception {
        Machines m = machines(null);
        List<Machine> made = m.up("multipass", new MachineRequest(2, 1, 2, 2048), line -> { });
        assertEquals(List.of("192.168.64.11", "192.168.64.12"), made.stream().map(Machine::address).toList());
        assertTrue(calls().contains("launch --name node-1 --cpus 2 --memory 2048M --disk 10G --cloud-init "), calls());
        assertTrue(calls().contains(" 24.04\n"), calls());
        assertTrue(Files.readString(cli.resolve("node-2.cloud-init"))
                .contains(Files.readString(m.key().resolveSibling("id_ed25519.pub")).strip()), "lab's key goes in");

        InventoryHost node2 = inventory(m).hosts().get("node-2");
        assertEquals("ubuntu", node2.user());
        assertTrue(node2.become(), "ubuntu becomes root with sudo");
        assertTrue(Files.readString(state.resolve("known_hosts"))
                .contains("192.168.64.12 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIfixturenode-2"));
        assertTrue(m.running(made.get(0)));

        m.down(List.of(), line -> { });
        assertTrue(calls().contains("delete --purge node-1") && calls().contains("delete --purge node-2"), calls());
        assertFalse(m.running(made.get(0)), "multipass no longer knows it");
        assertEquals(List.of(), m.list());
    }

    @Test
    void aLaunchThatFailsHalfWayIsOneLineAndWhatWasMadeCanBeRemoved() throws Exception {
        Machines m = machines("node-2");
        LabException e = assertThrows(LabException.class,
                () -> m.up("multipass", new MachineRequest(3, 1, 2, 2048), line -> { }));
        assertEquals("multipass launch failed (exit 2): launch failed: Remote \"\" is unknown or unreachable.", e.getMessage());
        assertEquals(List.of("node-1"), m.list().stream().map(Machine::name).toList(), "node-1 was made and is recorded");
        assertFalse(calls().contains("--name node-3"), "nothing more was launched");
        m.down(List.of(), line -> { });
        assertTrue(calls().contains("delete --purge node-1"), calls());
        assertEquals(List.of(), m.list());
    }

    @Test
    void limaMachinesAreReachedOnTheirForwardedPortAsLimasUser() throws Exception {
        Machines m = machines(null);
        List<Machine> made = m.up("lima", new MachineRequest(1, 1, 2, 4096), line -> { });
        Machine node = made.get(0);
        assertEquals("127.0.0.1", node.address());
        assertEquals(60023, node.port());
        assertEquals("learner", node.user());
        String start = calls().lines().filter(l -> l.startsWith("start ")).findFirst().orElseThrow();
        assertTrue(start.contains("--name=node-1 --tty=false --cpus=2 --memory=4 --network=lima:user-v2 --set="), start);
        assertTrue(start.contains(Files.readString(m.key().resolveSibling("id_ed25519.pub")).strip()), start);
        assertTrue(start.endsWith("template://debian-12"), start);

        InventoryHost host = inventory(m).hosts().get("node-1");
        assertEquals(60023, host.port());
        assertEquals("learner", host.user());
        assertTrue(Files.readString(state.resolve("known_hosts")).contains("[127.0.0.1]:60023 ssh-ed25519 "));
        assertEquals(List.of("-p", "60023"), m.ssh("node-1").subList(3, 5));
        assertTrue(m.ssh("node-1").contains("learner@127.0.0.1"));

        m.down(List.of("node-1"), line -> { });
        assertTrue(calls().contains("delete --force node-1"), calls());
    }

    @Test
    void aLimaStartThatFailsSaysWhatLimaSaid() {
        Machines m = machines("node-1");
        LabException e = assertThrows(LabException.class, () -> m.up("lima", new MachineRequest(1, 1, 2, 2048), l -> { }));
        assertTrue(e.getMessage().startsWith("limactl start failed (exit 1): ") && e.getMessage().contains("no route to host"),
                e.getMessage());
        assertEquals(List.of(), m.list());
    }

    @Test
    void aProviderThatIsNotInstalledSaysWhatToDo() {
        Map<String, String> env = Map.of("PATH", "/nonexistent");
        Machines m = new Machines(state, new LocalHost(env, state), env, List.of());
        LabException e = assertThrows(LabException.class, () -> m.up("lima", new MachineRequest(1, 1, 2, 2048), l -> { }));
        assertTrue(e.getMessage().startsWith("limactl is not installed; install lima"), e.getMessage());
        e = assertThrows(LabException.class, () -> m.up("multipass", new MachineRequest(1, 1, 2, 2048), l -> { }));
        assertTrue(e.getMessage().startsWith("multipass is not installed"), e.getMessage());
    }
}
