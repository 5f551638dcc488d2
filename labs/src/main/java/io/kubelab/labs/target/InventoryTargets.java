package io.kubelab.labs.target;

import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.inventory.Inventory;
import io.kubelab.labs.ssh.SshHosts;
import java.util.ArrayList;
import java.util.List;

/** This machine plus the learner's nodes: `on:` may name "local", a host, a group, or "all". */
public final class InventoryTargets implements Targets {
    private final LocalHost local;
    private final SshHosts hosts;

    public InventoryTargets(LocalHost local, SshHosts hosts) {
        this.local = local;
        this.hosts = hosts;
    }

    @Override
    public List<Host> resolve(String on) {
        if (LOCAL.equals(on)) {
            return List.of(local);
        }
        List<Host> out = new ArrayList<>();
        hosts.inventory().select(on).forEach(spec -> out.add(hosts.host(spec)));
        return out;
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>(List.of(LOCAL));
        out.addAll(hosts.inventory().names());
        return out;
    }

    public Inventory inventory() {
        return hosts.inventory();
    }

    @Override
    public void close() {
        hosts.close();
    }
}
