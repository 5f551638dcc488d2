package io.kubelab.checks.oncluster;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
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
        Say say = ctx.say();
        String expected = current ? say.t("context '{0}' exists and is current", context)
                : say.t("context '{0}' exists", context);
        String evidence = say.t("read {0}", kubeconfig);
        Kubeconfig config;
        try {
            config = Kubeconfig.read(kubeconfig);
        } catch (java.nio.file.NoSuchFileException e) {
            return CheckResult.fail(expected, say.t("no kubeconfig at {0}", kubeconfig), evidence,
                    say.t("the tool that creates the cluster writes it; or set KUBECONFIG"));
        } catch (Kubeconfig.Invalid e) {
            // Not "the context is missing": nothing (kubectl included) can read the file to know. Could not look.
            return CheckResult.error(expected, e.say(say), evidence,
                    say.t("fix or move the broken file; kubectl cannot use it either"));
        } catch (IOException e) {
            return CheckResult.fail(expected, e.getMessage(), evidence,
                    say.t("fix or move the broken file; kubectl cannot use it either"));
        }
        if (config.context(context).isEmpty()) {
            return CheckResult.fail(expected, say.t("contexts: {0}", config.contextNames().isEmpty() ? say.t("none")
                    : String.join(", ", config.contextNames())), evidence,
                    say.t("the cluster tool adds the context when the cluster starts (minikube start, az aks "
                            + "get-credentials, ...)"));
        }
        if (current && !context.equals(config.currentContext())) {
            return CheckResult.fail(expected, say.t("current context is '{0}'", config.currentContext()), evidence,
                    "kubectl config use-context " + context);
        }
        String server = config.serverOf(context).orElse("?");
        return CheckResult.pass(expected, context.equals(config.currentContext())
                ? say.t("context '{0}' is current, server {1}", context, server)
                : say.t("context '{0}' exists, server {1}", context, server), evidence);
    }
}
