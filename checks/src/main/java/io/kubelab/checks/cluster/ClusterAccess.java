package io.kubelab.checks.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/** The cluster API a cluster check talks to, opened on first use. */
public interface ClusterAccess extends AutoCloseable {

    /** Where the API is (for evidence lines), e.g. "https://10.0.0.10:6443 (context kubernetes-admin@kubernetes)". */
    String describe();

    /** The client; thrown when there is no usable kubeconfig. */
    KubernetesClient client() throws ClusterUnreachableException;

    @Override
    void close();

    /** No cluster is configured for this check. */
    static ClusterAccess none() {
        return new ClusterAccess() {
            @Override
            public String describe() {
                return "no cluster";
            }

            @Override
            public KubernetesClient client() throws ClusterUnreachableException {
                throw new ClusterUnreachableException("no kubeconfig was given for this check");
            }

            @Override
            public void close() {
            }
        };
    }
}
