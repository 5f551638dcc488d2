package io.kubelab.checks.oncluster;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;

/** The API server answers (GET /version) and says which Kubernetes version it runs. */
public record ApiReachableCheck() implements Check {

    public static ApiReachableCheck from(Params p) {
        return new ApiReachableCheck();
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String expected = ctx.say().t("the API server answers");
        return ClusterCall.run(ctx, expected, "GET /version", client -> {
            var v = client.getKubernetesVersion();
            return CheckResult.pass(expected, "Kubernetes " + v.getGitVersion(), ClusterCall.evidence(ctx, "GET /version"));
        });
    }
}
