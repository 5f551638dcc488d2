package io.kubelab.labs.nodes;

import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import io.kubelab.labs.nodes.inventory.Inventory;
import io.kubelab.labs.nodes.inventory.InventoryReader;
import io.kubelab.labs.nodes.inventory.SshConfig;
import io.kubelab.labs.nodes.ssh.HostKeyPolicy;
import io.kubelab.labs.nodes.ssh.SshHosts;
import io.kubelab.labs.nodes.ssh.SshSettings;
import io.kubelab.labs.nodes.ssh.SshStack;
import io.kubelab.labs.state.ProgressStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the machines a lab works on, the one way every command does: this machine, and the nodes
 * of the learner's inventory reached over SSH with strict host keys (~/.ssh/known_hosts, then
 * lab's own). The inventory is the one given, else the one remembered for the lab.
 */
public final class NodeFactory {
    /** The progress setting that remembers which inventory a lab works on. */
    public static final String INVENTORY_SETTING = "inventory";

    private final Supplier<NodeSettings> settings;
    private final SshStack ssh = new SshStack();

    public NodeFactory(NodeSettings settings) {
        this(() -> settings);
    }

    /**
     * @param settings read each time nodes are opened, so a factory made early (to warm SSH up while
     *                 the command line is read) still follows the options that line gives
     */
    public NodeFactory(Supplier<NodeSettings> settings) {
        this.settings = settings;
    }

    /** Starts preparing SSH in the background, for a command that is about to reach nodes. */
    public void warmUp() {
        ssh.warmUp();
    }

    public LocalNode local() {
        NodeSettings s = settings.get();
        return new LocalNode(new LocalHost(s.env(), s.workingDirectory()));
    }

    /** The inventory a lab works on: {@code given}, else the one remembered for {@code lab} (null: none). */
    public Optional<Path> inventoryFor(String lab, Optional<Path> given) {
        NodeSettings s = settings.get();
        if (given.isPresent() || lab == null) {
            return given.map(p -> s.workingDirectory().resolve(p).normalize());
        }
        return new ProgressStore(s.stateDir()).load(lab)
                .map(p -> p.settings().get(INVENTORY_SETTING)).map(Path::of);
    }

    /**
     * The nodes a lab works on: the inventory given (which must be readable), else the one remembered
     * for the lab. A remembered inventory that is gone (practice machines removed, a file moved) does
     * not stop commands that need no node; a step on a node says what happened.
     */
    public Nodes openFor(String lab, Optional<Path> given, boolean acceptNewHostKeys) {
        Optional<Path> inventory = inventoryFor(lab, given);
        if (given.isEmpty() && inventory.isPresent() && !Files.exists(inventory.get())) {
            return Nodes.without(local(), "the inventory " + inventory.get() + " that lab remembered for '" + lab
                    + "' is gone; give one with --inventory FILE");
        }
        return open(inventory, acceptNewHostKeys);
    }

    /**
     * This machine, and the inventory's nodes when there is one.
     *
     * @param acceptNewHostKeys accept host keys never seen before without asking (never a changed one)
     */
    public Nodes open(Optional<Path> inventory, boolean acceptNewHostKeys) {
        if (inventory.isEmpty()) {
            return Nodes.localOnly(local());
        }
        return open(inventoryReader().read(inventory.get()), acceptNewHostKeys);
    }

    /** This machine and the nodes of an inventory already read (a class roster's learner's). */
    public Nodes open(Inventory inventory, boolean acceptNewHostKeys) {
        NodeSettings s = settings.get();
        Path home = s.home();
        Path labKnownHosts = s.stateDir().resolve("known_hosts");
        HostKeyPolicy hostKeys = new HostKeyPolicy(List.of(home.resolve(".ssh/known_hosts"), labKnownHosts),
                labKnownHosts, s.prompter(), acceptNewHostKeys);
        SshSettings sshSettings = new SshSettings(hostKeys, s.prompter(), SshSettings.CONNECT_TIMEOUT,
                SshSettings.KEEP_ALIVE, SshSettings.defaultKeys(home));
        return new Nodes(local(), inventory, new SshHosts(inventory, sshSettings, ssh.warmUp()));
    }

    /** Reads inventories as they apply here: ~ and default keys from this HOME, aliases from ~/.ssh/config. */
    public InventoryReader inventoryReader() {
        NodeSettings s = settings.get();
        return new InventoryReader(s.home(), sshConfig(s.home()), s.user());
    }

    private static SshConfig sshConfig(Path home) {
        Path file = home.resolve(".ssh/config");
        try {
            return SshConfig.read(file, home);
        } catch (IOException e) {
            throw LabException.badInput("cannot read " + file + ": " + e.getMessage());
        }
    }
}
