package io.kubelab.checks;

import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.host.Host;
import java.time.Duration;
import java.util.List;

/**
 * Where a check looks: the host it runs on (this machine or a node over SSH), every host of its
 * target for checks that compare hosts, and, for cluster checks, the cluster API. The cluster is
 * opened lazily, so host checks never pay for it.
 */
public record CheckContext(Host host, List<Host> hosts, ClusterAccess cluster, Duration timeout, Say say) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public CheckContext {
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        hosts = hosts == null ? (host == null ? List.of() : List.of(host)) : List.copyOf(hosts);
        say = say == null ? Say.ENGLISH : say;
    }

    /** Checks that say what they see in English. */
    public CheckContext(Host host, List<Host> hosts, ClusterAccess cluster, Duration timeout) {
        this(host, hosts, cluster, timeout, Say.ENGLISH);
    }

    /** A check on one host. */
    public CheckContext(Host host, ClusterAccess cluster, Duration timeout) {
        this(host, null, cluster, timeout);
    }

    /** The same place to look, in another language. */
    public CheckContext in(Say language) {
        return new CheckContext(host, hosts, cluster, timeout, language);
    }
}
