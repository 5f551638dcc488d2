package io.kubelab.labs.machines;

import java.util.List;

/**
 * A practice machine lab made on this computer.
 *
 * @param provider how it was made: nspawn, multipass or lima
 * @param address  where it is reached over SSH (and by the other machines)
 * @param user     the login lab uses (root, or a user with passwordless sudo)
 * @param roles    the inventory groups it is in: kube_control_plane, kube_node, etcd
 * @param hostKey  its SSH host key as read from the machine ("ssh-ed25519 AAAA..."), written to
 *                 lab's known_hosts so the first connection is verified, never blindly trusted
 */
public record Machine(String name, String provider, String address, int port, String user, List<String> roles,
                      String hostKey) {

    public Machine {
        roles = List.copyOf(roles);
    }

    public boolean controlPlane() {
        return roles.contains(Roles.CONTROL_PLANE);
    }
}
