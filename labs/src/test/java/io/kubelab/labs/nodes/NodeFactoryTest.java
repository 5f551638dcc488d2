package io.kubelab.labs.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.LabException;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.state.Progress;
import io.kubelab.labs.state.ProgressStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which inventory a lab opens on, and what happens when the one lab remembered is gone. */
class NodeFactoryTest {
    @TempDir
    Path dir;

    private NodeFactory factory() {
        return new NodeFactory(new NodeSettings(Map.of("HOME", dir.toString(), "PATH", "/usr/bin:/bin"), dir,
                dir.resolve("state"), Prompter.NONE));
    }

    @Test
    void aRememberedInventoryThatIsGoneOnlyStopsStepsOnNodes() throws Exception {
        Path gone = dir.resolve("machines/inventory.yaml");
        new ProgressStore(dir.resolve("state")).update("kubeadm", () -> Progress.start("kubeadm", "preflight"),
                p -> p.withSetting(NodeFactory.INVENTORY_SETTING, gone.toString()));
        NodeFactory f = factory();
        assertEquals(Optional.of(gone), f.inventoryFor("kubeadm", Optional.empty()));
        try (Nodes nodes = f.openFor("kubeadm", Optional.empty(), false)) {
            assertEquals(1, nodes.resolve(Nodes.LOCAL).size(), "this machine is still there");
            LabException e = assertThrows(LabException.class, () -> nodes.resolve("kube_node"));
            assertEquals("the inventory " + gone + " that lab remembered for 'kubeadm' is gone; give one with "
                    + "--inventory FILE", e.getMessage());
        }
    }

    @Test
    void anInventoryGivenMustBeThereAndIsResolvedAgainstTheWorkingFolder() throws Exception {
        NodeFactory f = factory();
        assertThrows(RuntimeException.class, () -> f.openFor("kubeadm", Optional.of(Path.of("missing.yaml")), false));
        Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts:\n    node1: {ansible_host: 192.0.2.1}\n");
        assertEquals(Optional.of(dir.resolve("hosts.yaml")), f.inventoryFor("kubeadm", Optional.of(Path.of("hosts.yaml"))));
        try (Nodes nodes = f.openFor("kubeadm", Optional.of(Path.of("hosts.yaml")), false)) {
            assertEquals("192.0.2.1", nodes.resolve("node1").get(0).networkAddress());
            assertTrue(nodes.inventoryFile().isPresent());
        }
    }
}
