package io.kubelab.labs.target;

import io.kubelab.checks.host.Host;
import io.kubelab.labs.ssh.SshHost;

/** The address a host is reached at ({{host.address}}): the inventory's, or 127.0.0.1 for this machine. */
public final class Addresses {
    private Addresses() {
    }

    public static String of(Host host) {
        return host instanceof SshHost ssh ? ssh.spec().address() : "127.0.0.1";
    }
}
