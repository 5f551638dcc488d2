package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.cluster.ClusterUnreachableException;
import io.kubelab.checks.cluster.Kubeconfig;
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

    static CheckResult error(String expected, ClusterAccess cluster, String call, Exception e, Say say) {
        return CheckResult.error(expected, say.t("could not ask the API: {0}", describe(e, say)),
                say.t("{0} at {1}", call, cluster.describe()), hint(e, say));
    }

    static String describe(Throwable e) {
        return describe(e, Say.ENGLISH);
    }

    static String describe(Throwable e, Say say) {
        if (e.getCause() instanceof Kubeconfig.Invalid invalid) {
            return invalid.say(say);
        }
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
                return say.t("connection refused");
            }
            if (t instanceof UnknownHostException) {
                return say.t("unknown host {0}", t.getMessage());
            }
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return say.t("timed out");
            }
            if (t instanceof InterruptedException) {
                return say.t("interrupted");
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String hint(Exception e, Say say) {
        if (e.getCause() instanceof Kubeconfig.Invalid) {
            return say.t("fix or move the broken file; kubectl cannot use it either");
        }
        String what = describe(e);
        if (what.startsWith("no kubeconfig")) {
            return say.t("start the cluster first; its tool writes the kubeconfig (or pass kubeconfig: to the check)");
        }
        if (what.startsWith("HTTP 401") || what.startsWith("HTTP 403")) {
            return say.t("the kubeconfig's user is not allowed this; use the cluster's admin kubeconfig");
        }
        return say.t("is the cluster running? `kubectl cluster-info` shows where kubectl is looking");
    }
}
