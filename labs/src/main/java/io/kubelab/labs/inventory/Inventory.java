package io.kubelab.labs.inventory;

import io.kubelab.labs.LabException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learner's nodes, from an Ansible inventory (YAML or INI), the same file kubespray uses.
 *
 * @param hosts  every host, in the order the file lists them
 * @param groups every group with its hosts (children already expanded), in file order
 */
public record Inventory(Path file, Map<String, InventoryHost> hosts, Map<String, List<String>> groups) {

    /** The groups the Kubernetes labs use; kubespray computes k8s_cluster from the first two. */
    public static final List<String> CLUSTER_GROUPS = List.of("kube_control_plane", "kube_node", "etcd");

    public Inventory {
        hosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /** The hosts a name means: "all", a group, or one host. */
    public List<InventoryHost> select(String name) {
        if (name.equals("all")) {
            return List.copyOf(hosts.values());
        }
        if (groups.containsKey(name)) {
            return groups.get(name).stream().map(hosts::get).toList();
        }
        if (hosts.containsKey(name)) {
            return List.of(hosts.get(name));
        }
        throw LabException.badInput("the inventory " + file + " has no host or group '" + name + "'; it has groups: "
                + String.join(", ", groups.keySet()) + " and hosts: " + String.join(", ", hosts.keySet()));
    }

    /** Every name `on:` may use. */
    public List<String> names() {
        Set<String> out = new LinkedHashSet<>(List.of("all"));
        out.addAll(groups.keySet());
        out.addAll(hosts.keySet());
        return new ArrayList<>(out);
    }
}
