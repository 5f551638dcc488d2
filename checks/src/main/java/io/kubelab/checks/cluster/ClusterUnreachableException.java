package io.kubelab.checks.cluster;

/** The cluster API could not be asked: no kubeconfig, connection refused, timed out, or not allowed. */
public class ClusterUnreachableException extends Exception {
    public ClusterUnreachableException(String message) {
        super(message);
    }

    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
