package io.kubelab.labs.nodes;

import io.kubelab.labs.LabException;
import io.kubelab.labs.nodes.inventory.Inventory;
import io.kubelab.labs.nodes.inventory.InventoryHost;
import io.kubelab.labs.nodes.ssh.SshHosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machines one lab works on: this machine ("local") and, when an inventory was given, the
 * learner's nodes. Resolves the {@code on:} of an action or check to its nodes: "local", a host,
 * a group, "all", or part of a group ({@code kube_control_plane[0]}). Made by {@link NodeFactory}.
 */
public final class Nodes implements AutoCloseable {
    public static final String LOCAL = "local";

    private final LocalNode local;
    private final Inventory inventory;
    private final SshHosts ssh;
    private final Map<String, Node> remote = new LinkedHashMap<>();
    private final Workers workers = new Workers();
    /** Why there are no nodes but this machine, as said when a step needs one. */
    private final String noInventory;

    Nodes(LocalNode local, Inventory inventory, SshHosts ssh) {
        this(local, inventory, ssh, null);
    }

    private Nodes(LocalNode local, Inventory inventory, SshHosts ssh, String noInventory) {
        this.local = local;
        this.inventory = inventory;
        this.ssh = ssh;
        this.noInventory = noInventory;
    }

    /** This machine alone: what a lab without an inventory can reach. */
    public static Nodes localOnly(LocalNode local) {
        return new Nodes(local, null, null, null);
    }

    /** This machine alone, because the inventory that was meant is not there; a step on a node says why. */
    static Nodes without(LocalNode local, String why) {
        return new Nodes(local, null, null, why);
    }

    /** The nodes {@code on} names, in inventory order; a LabException says what it could have named. */
    public List<Node> resolve(String on) {
        if (LOCAL.equals(on)) {
            return List.of(local);
        }
        if (inventory == null) {
            throw LabException.badInput(noInventory != null ? noInventory : "this step runs on '" + on
                    + "', a host or group of your inventory; give the inventory with --inventory FILE");
        }
        List<Node> out = new ArrayList<>();
        for (InventoryHost spec : inventory.select(on)) {
            out.add(node(spec));
        }
        return out;
    }

    private synchronized Node node(InventoryHost spec) {
        return remote.computeIfAbsent(spec.name(), n -> new SshNode(ssh.host(spec)));
    }

    /**
     * The values of the variables nodes give: {{hosts.GROUP}}, the names of a group's hosts,
     * comma-separated; {{addresses.GROUP}}, their addresses in the same order. Empty for any other
     * name, and when the group names nothing here.
     */
    public Optional<String> groupValue(String variable) {
        boolean names = variable.startsWith("hosts.");
        if (!names && !variable.startsWith("addresses.")) {
            return Optional.empty();
        }
        try {
            return Optional.of(String.join(",", resolve(variable.substring(variable.indexOf('.') + 1)).stream()
                    .map(n -> names ? n.name() : n.networkAddress()).toList()));
        } catch (LabException e) {
            return Optional.empty();
        }
    }

    /** How many nodes {@code group} has; 0 when there is no inventory or no such group. */
    public int count(String group) {
        try {
            return resolve(group).size();
        } catch (LabException e) {
            return 0;
        }
    }

    /** Every name {@code on:} may use here (for completion and messages). */
    public List<String> names() {
        List<String> out = new ArrayList<>(List.of(LOCAL));
        if (inventory != null) {
            out.addAll(inventory.names());
        }
        return out;
    }

    public LocalNode local() {
        return local;
    }

    /** The inventory file the nodes came from, if any. */
    public Optional<Path> inventoryFile() {
        return Optional.ofNullable(inventory).map(Inventory::file);
    }

    /** What the inventory says that does not apply to lab (ansible_pipelining, some ssh options). */
    public List<String> inventoryNotes() {
        return inventory == null ? List.of() : inventory.notes();
    }

    /** A new command begins (in the REPL, on the same nodes): nodes that could not be reached are tried again. */
    public void newCommand() {
        if (ssh != null) {
            ssh.forgetFailures();
        }
    }

    public Workers workers() {
        return workers;
    }

    @Override
    public void close() {
        workers.close();
        if (ssh != null) {
            ssh.close();
        }
    }
}
