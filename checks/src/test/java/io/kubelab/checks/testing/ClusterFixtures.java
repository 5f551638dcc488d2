package io.kubelab.checks.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A healthy kubeadm-made cluster in the mock API, and the broken states the checks must catch.
 * Each broken state is the healthy cluster with one thing wrong.
 */
public final class ClusterFixtures {
    public static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";
    public static final String ZONE = "topology.kubernetes.io/zone";

    private ClusterFixtures() {
    }

    /** One control plane (cp) and two workers, in three zones; its system pods all running. */
    public static void healthy(MockCluster c) {
        c.addNode("cp", true, labels(CONTROL_PLANE, "", ZONE, "zone-a"));
        c.addNode("worker-1", true, labels(ZONE, "zone-b"));
        c.addNode("worker-2", true, labels(ZONE, "zone-c"));
        systemPods(c, null);
    }

    /** The system pods of a kubeadm cluster; CoreDNS crash-loops when {@code coreDnsWaiting} is given. */
    public static void systemPods(MockCluster c, String coreDnsWaiting) {
        for (String component : new String[] {"kube-apiserver", "etcd", "kube-controller-manager", "kube-scheduler"}) {
            c.addPod("kube-system", component + "-cp", labels("component", component, "tier", "control-plane"), null, 0);
        }
        c.addPod("kube-system", "coredns-7c65d6cfc9-abcde", labels("k8s-app", "kube-dns"), coreDnsWaiting,
                coreDnsWaiting == null ? 0 : 12);
        c.addPod("kube-system", "coredns-7c65d6cfc9-fghij", labels("k8s-app", "kube-dns"), null, 0);
        for (String node : new String[] {"cp", "worker-1", "worker-2"}) {
            c.addPod("kube-system", "kube-proxy-" + node, labels("k8s-app", "kube-proxy"), null, 0);
        }
        c.addDeployment("kube-system", "coredns", 2, coreDnsWaiting == null ? 2 : 1);
        c.addService("kube-system", "kube-dns", "10.244.0.2", "10.244.0.3");
    }

    public static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
