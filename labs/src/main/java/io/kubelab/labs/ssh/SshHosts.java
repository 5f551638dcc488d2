package io.kubelab.labs.ssh;

import io.kubelab.labs.inventory.Inventory;
import io.kubelab.labs.inventory.InventoryHost;
import java.util.LinkedHashMap;
import java.util.Map;
import net.schmizz.sshj.Config;

/**
 * The SSH hosts of one inventory: one {@link SshHost} (one connection) per node, created on first
 * use and shared by every step and check of the session. Jump hosts are hosts too.
 */
public final class SshHosts implements AutoCloseable {
    private final Inventory inventory;
    private final SshSettings settings;
    private final SshStack stack;
    private final SshHost.Passphrases passphrases;
    private final Map<String, SshHost> open = new LinkedHashMap<>();

    public SshHosts(Inventory inventory, SshSettings settings, SshStack stack) {
        this.inventory = inventory;
        this.settings = settings;
        this.stack = stack;
        this.passphrases = new SshHost.Passphrases(settings.prompter());
    }

    public synchronized SshHost host(InventoryHost spec) {
        SshHost h = open.get(spec.name());
        if (h == null) {
            h = new SshHost(spec, config(), settings, jumpFor(spec), passphrases);
            open.put(spec.name(), h);
        }
        return h;
    }

    /** The bastion for a host: an inventory host by that name, or user@host:port written out. */
    private SshHost jumpFor(InventoryHost spec) {
        if (spec.proxyJump() == null) {
            return null;
        }
        String jump = spec.proxyJump().split(",")[0];
        if (inventory.hosts().containsKey(jump)) {
            return host(inventory.hosts().get(jump));
        }
        String user = spec.user();
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
        String name = "jump:" + jump;
        synchronized (this) {
            SshHost h = open.get(name);
            if (h == null) {
                h = new SshHost(new InventoryHost(name, address, port, user, spec.keyFile(), false, null, null,
                        Map.of(), spec.location()), config(), settings, null, passphrases);
                open.put(name, h);
            }
            return h;
        }
    }

    private Config config() {
        return stack.config();
    }

    public Inventory inventory() {
        return inventory;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(SshHost::close);
        open.clear();
    }
}
