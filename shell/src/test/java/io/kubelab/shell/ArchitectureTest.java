package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kubelab.checks.testing.PackageGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell's layering, from its compiled classes. */
class ArchitectureTest {
    private static final PackageGraph SHELL = PackageGraph.of("io.kubelab");

    @Test
    void noPackagesOfTheShellUseEachOtherInALoop() {
        List<String> cycles = SHELL.cycles().stream().filter(c -> c.contains("io.kubelab.shell")).toList();
        assertEquals(List.of(), cycles);
        assertFalse(SHELL.uses("io.kubelab.shell", "io.kubelab.labs").isEmpty(), "the graph is read");
    }

    /** The shell reaches nodes only through the node factory: it knows nothing of SSH or inventories. */
    @Test
    void noShellClassUsesTheSshOrInventoryCode() {
        assertEquals(List.of(), SHELL.uses("io.kubelab.shell", "io.kubelab.labs.nodes.ssh"));
        assertEquals(List.of(), SHELL.uses("io.kubelab.shell", "io.kubelab.labs.nodes.inventory"));
    }
}
