package io.kubelab.labs.machines;

import java.util.ArrayList;
import java.util.List;

/** The inventory groups the kubeadm and kubespray labs expect, given to machines in order. */
final class Roles {
    static final String CONTROL_PLANE = "kube_control_plane";
    static final String NODE = "kube_node";
    static final String ETCD = "etcd";

    private Roles() {
    }

    /** The first {@code controlPlanes} machines run the control plane and etcd; the rest are workers. */
    static List<String> of(int index, int controlPlanes, int count) {
        List<String> roles = new ArrayList<>();
        if (index < controlPlanes) {
            roles.add(CONTROL_PLANE);
            roles.add(ETCD);
        }
        if (index >= controlPlanes || count == controlPlanes) {
            roles.add(NODE); // with control planes only, they run workloads too
        }
        return roles;
    }
}
