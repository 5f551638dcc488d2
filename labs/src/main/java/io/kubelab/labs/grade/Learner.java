package io.kubelab.labs.grade;

import io.kubelab.labs.nodes.inventory.Inventory;
import io.kubelab.labs.yaml.Location;
import java.nio.file.Path;
import java.util.Map;

/**
 * One learner of a roster and how the instructor reaches their environment.
 *
 * @param inventoryFile their nodes, as an inventory file (relative paths already resolved), or null
 * @param inventory     their nodes written in the roster itself, or null
 * @param kubeconfig    the kubeconfig cluster checks use for them, or null (no cluster checks)
 * @param context       the context in it, or null for its current context
 * @param jump          a bastion every node of theirs is reached through ("user@host:port"), or null
 * @param values        the lab's variables as this learner chose them (a zone, a pod CIDR)
 */
public record Learner(String id, String name, Path inventoryFile, Inventory inventory, Path kubeconfig,
                      String context, String jump, Map<String, String> values, Location location) {

    public Learner {
        values = Map.copyOf(values);
    }

    public boolean hasNodes() {
        return inventoryFile != null || inventory != null;
    }
}
