package io.kubelab.checks.oncluster;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.cluster.Kubeconfig;
import java.io.IOException;
import java.nio.file.Path;

/** A kubeconfig has a context of the given name and, unless told otherwise, it is the current one. */
public record KubeContextCheck(Path kubeconfig, String context, boolean current) implements Check {

    public static KubeContextCheck from(Params p, Path defaultKubeconfig) {
        return new KubeContextCheck(p.optString("kubeconfig").map(Path::of).orElse(defaultKubeconfig),
                p.string("context"), p.bool("current", true));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String expected = "context '" + context + "'" + (current ? " exists and is current" : " exists");
        String evidence = "read " + kubeconfig;
        Kubeconfig config;
        try {
            config = Kubeconfig.read(kubeconfig);
        } catch (java.nio.file.NoSuchFileException e) {
            return CheckResult.fail(expected, "no kubeconfig at " + kubeconfig, evidence,
                    "the tool that creates the cluster writes it; or set KUBECONFIG");
        } catch (IOException e) {
            return CheckResult.fail(expected, e.getMessage(), evidence, "fix or move the broken file; kubectl cannot use it either");
        }
        if (config.context(context).isEmpty()) {
            return CheckResult.fail(expected, "contexts: " + (config.contextNames().isEmpty() ? "none"
                    : String.join(", ", config.contextNames())), evidence,
                    "the cluster tool adds the context when the cluster starts (minikube start, az aks get-credentials, ...)");
        }
        if (current && !context.equals(config.currentContext())) {
            return CheckResult.fail(expected, "current context is '" + config.currentContext() + "'", evidence,
                    "kubectl config use-context " + context);
        }
        return CheckResult.pass(expected, "context '" + context + "'" + (context.equals(config.currentContext())
                ? " is current" : " exists") + ", server " + config.serverOf(context).orElse("?"), evidence);
    }
}
