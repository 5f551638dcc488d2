package io.kubelab.labs.machines;

import java.nio.file.Path;
import java.util.List;

/** The Ansible inventory (YAML) of lab's machines, with the groups the kubeadm and kubespray labs use. */
final class InventoryText {
    private InventoryText() {
    }

    static String of(List<Machine> machines, Path key) {
        StringBuilder y = new StringBuilder("# Written by `lab machines up`; `lab machines down` removes it.\n");
        y.append("all:\n  vars:\n    ansible_ssh_private_key_file: ").append(key).append("\n  hosts:\n");
        for (Machine m : machines) {
            y.append("    ").append(m.name()).append(": {ansible_host: ").append(m.address()).append(", ansible_user: ")
                    .append(m.user());
            if (!m.user().equals("root")) {
                y.append(", ansible_become: true");
            }
            if (m.port() != 22) {
                y.append(", ansible_port: ").append(m.port());
            }
            y.append(", ip: ").append(m.address()).append("}\n");
        }
        y.append("  children:\n");
        for (String group : List.of(Roles.CONTROL_PLANE, Roles.NODE, Roles.ETCD)) {
            y.append("    ").append(group).append(":\n      hosts:\n");
            machines.stream().filter(m -> m.roles().contains(group))
                    .forEach(m -> y.append("        ").append(m.name()).append(": {}\n"));
        }
        return y.toString();
    }
}
