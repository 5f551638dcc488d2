package io.kubelab.labs.target;

import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import java.util.List;

/** Only this machine: what a lab without an inventory can reach. */
public final class LocalTargets implements Targets {
    private final LocalHost local;

    public LocalTargets(LocalHost local) {
        this.local = local;
    }

    @Override
    public List<Host> resolve(String on) {
        if (LOCAL.equals(on)) {
            return List.of(local);
        }
        throw LabException.badInput("this step runs on '" + on + "', a host or group of your inventory; "
                + "give the inventory with --inventory FILE");
    }

    @Override
    public List<String> names() {
        return List.of(LOCAL);
    }

    @Override
    public void close() {
    }
}
