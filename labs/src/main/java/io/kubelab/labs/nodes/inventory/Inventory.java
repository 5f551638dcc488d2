package io.kubelab.labs.nodes.inventory;

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
 * @param notes  what lab reads but does not use (ansible_pipelining, ssh options), to tell the learner
 */
public record Inventory(Path file, Map<String, InventoryHost> hosts, Map<String, List<String>> groups,
                        List<String> notes) {

    /** The groups the Kubernetes labs use; kubespray computes k8s_cluster from the first two. */
    public static final List<String> CLUSTER_GROUPS = List.of("kube_control_plane", "kube_node", "etcd");

    public Inventory {
        hosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        notes = List.copyOf(notes);
    }

    public Inventory(Path file, Map<String, InventoryHost> hosts, Map<String, List<String>> groups) {
        this(file, hosts, groups, List.of());
    }

    private static final java.util.regex.Pattern SLICE =
            java.util.regex.Pattern.compile("(.+)\\[(-?\\d*)(?::(-?\\d*))?]");

    /**
     * The hosts a name means: "all", a group, one host, or part of a group as Ansible writes it:
     * {@code kube_control_plane[0]} (the first), {@code [1:]} (all but the first), {@code [-1]}, and
     * {@code [0:2]} (the first three: Ansible's end is inclusive).
     */
    public List<InventoryHost> select(String name) {
        java.util.regex.Matcher slice = SLICE.matcher(name);
        if (slice.matches() && !hosts.containsKey(name)) {
            List<InventoryHost> all = select(slice.group(1));
            int n = all.size();
            if (slice.group(3) == null) {
                int i = index(slice.group(2), 0, n);
                return i >= 0 && i < n ? List.of(all.get(i)) : List.of();
            }
            int from = Math.max(0, index(slice.group(2), 0, n));
            int to = Math.min(n - 1, index(slice.group(3), n - 1, n));
            return from > to ? List.of() : all.subList(from, to + 1);
        }
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

    private static int index(String text, int fallback, int size) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        int i = Integer.parseInt(text);
        return i < 0 ? size + i : i;
    }

    /** The same nodes, each reached through {@code jump} ("user@host:port") unless it names its own bastion. */
    public Inventory through(String jump) {
        Map<String, InventoryHost> out = new LinkedHashMap<>();
        hosts.forEach((name, h) -> out.put(name, h.proxyJump() != null ? h : new InventoryHost(h.name(), h.address(),
                h.port(), h.user(), h.keyFile(), h.become(), h.password(), jump, h.vars(), h.location(),
                h.knownHosts(), h.connectTimeout())));
        return new Inventory(file, out, groups, notes);
    }

    /** Every name `on:` may use. */
    public List<String> names() {
        Set<String> out = new LinkedHashSet<>(List.of("all"));
        out.addAll(groups.keySet());
        out.addAll(hosts.keySet());
        return new ArrayList<>(out);
    }
}
