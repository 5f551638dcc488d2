package io.kubelab.labs.nodes.ssh;

import io.kubelab.labs.nodes.inventory.Inventory;
import io.kubelab.labs.nodes.inventory.InventoryHost;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SSH hosts of one inventory: one {@link SshHost} (one connection) per node, created on first
 * use and shared by every step and check of the session. Jump hosts are connections too.
 */
public final class SshHosts implements AutoCloseable {
    private final Inventory inventory;
    private final SshSettings settings;
    private final SshStack stack;
    private final Passphrases passphrases;
    private final Map<String, SshHost> hosts = new LinkedHashMap<>();
    /** Every connection by host name, jump hosts included: a bastion that is also a node has one connection. */
    private final Map<String, SshConnection> connections = new LinkedHashMap<>();

    public SshHosts(Inventory inventory, SshSettings settings, SshStack stack) {
        this.inventory = inventory;
        this.settings = settings;
        this.stack = stack;
        this.passphrases = new Passphrases(settings.prompter());
    }

    public synchronized SshHost host(InventoryHost spec) {
        SshHost h = hosts.get(spec.name());
        if (h == null) {
            SshConnection connection = connection(spec);
            h = new SshHost(connection, new SshCommands(connection, settings.prompter()));
            hosts.put(spec.name(), h);
        }
        return h;
    }

    private SshConnection connection(InventoryHost spec) {
        SshConnection c = connections.get(spec.name());
        if (c == null) {
            c = new SshConnection(spec, stack.config(), settings, jumpFor(spec), passphrases);
            connections.put(spec.name(), c);
        }
        return c;
    }

    /** The bastion for a host: an inventory host by that name, or user@host:port written out. */
    private SshConnection jumpFor(InventoryHost spec) {
        if (spec.proxyJump() == null) {
            return null;
        }
        String jump = spec.proxyJump().split(",")[0];
        return connection(inventory.hosts().containsKey(jump) ? inventory.hosts().get(jump) : written(jump, spec));
    }

    /** A jump host written out as [user@]host[:port], logged in to with the same key as the host behind it. */
    private static InventoryHost written(String jump, InventoryHost behind) {
        String user = behind.user();
        String hostPort = jump;
        if (jump.contains("@")) {
            user = jump.substring(0, jump.indexOf('@'));
            hostPort = jump.substring(jump.indexOf('@') + 1);
        }
        int port = 22;
        String address = hostPort;
        if (hostPort.matches(".*:\\d+$")) {
            port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
            address = hostPort.substring(0, hostPort.lastIndexOf(':'));
        }
        return new InventoryHost("jump:" + jump, address, port, user, behind.keyFile(), false, null, null, Map.of(),
                behind.location());
    }

    /** A new command begins: nodes that could not be reached are tried again. */
    public synchronized void forgetFailures() {
        connections.values().forEach(SshConnection::forgetFailure);
    }

    public Inventory inventory() {
        return inventory;
    }

    @Override
    public synchronized void close() {
        hosts.values().forEach(SshHost::close);
        connections.values().forEach(SshConnection::close);
        hosts.clear();
        connections.clear();
    }
}
