package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.cluster.ClusterUnreachableException;

/** Asks the API once; anything that stops the asking becomes an error result naming the call. */
final class ClusterCall {
    private ClusterCall() {
    }

    @FunctionalInterface
    interface Body {
        CheckResult apply(KubernetesClient client);
    }

    static CheckResult run(CheckContext ctx, String expected, String call, Body body) {
        try {
            return body.apply(ctx.cluster().client());
        } catch (ClusterUnreachableException | RuntimeException e) {
            return ClusterErrors.error(expected, ctx.cluster(), call, e, ctx.say());
        }
    }

    static String evidence(CheckContext ctx, String call) {
        return ctx.say().t("{0} at {1}", call, ctx.cluster().describe());
    }
}
