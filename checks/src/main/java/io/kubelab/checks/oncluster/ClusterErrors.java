package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.cluster.ClusterUnreachableException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Turns "could not ask the API" into an error result in words: connection refused, timed out,
 * not allowed. These are never a "fail": the check did not get to look.
 */
final class ClusterErrors {
    private ClusterErrors() {
    }

    static CheckResult error(String expected, ClusterAccess cluster, String call, Exception e) {
        return CheckResult.error(expected, "could not ask the API: " + describe(e), call + " at " + cluster.describe(),
                hint(e));
    }

    static String describe(Throwable e) {
        if (e instanceof ClusterUnreachableException) {
            return e.getMessage();
        }
        if (e instanceof KubernetesClientException k && k.getCode() > 0) {
            String status = k.getStatus() != null && k.getStatus().getMessage() != null ? k.getStatus().getMessage()
                    : k.getMessage();
            return "HTTP " + k.getCode() + ": " + status;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "timed out";
            }
            if (t instanceof InterruptedException) {
                return "interrupted";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String hint(Exception e) {
        String what = describe(e);
        if (what.startsWith("no kubeconfig")) {
            return "start the cluster first; its tool writes the kubeconfig (or pass kubeconfig: to the check)";
        }
        if (what.startsWith("HTTP 401") || what.startsWith("HTTP 403")) {
            return "the kubeconfig's user is not allowed this; use the cluster's admin kubeconfig";
        }
        return "is the cluster running? `kubectl cluster-info` shows where kubectl is looking";
    }
}
