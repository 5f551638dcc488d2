package io.kubelab.checks;

import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.host.Host;
import java.time.Duration;

/**
 * Where a check looks: the host it runs on (this machine or a node over SSH) and, for cluster
 * checks, the cluster API. The cluster is opened lazily, so host checks never pay for it.
 */
public record CheckContext(Host host, ClusterAccess cluster, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public CheckContext {
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
    }
}
