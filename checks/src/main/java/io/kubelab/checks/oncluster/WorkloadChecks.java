package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import java.util.ArrayList;
import java.util.List;

/** Workloads the cluster's own parts run as: pods by label, a deployment, a service's endpoints. */
public final class WorkloadChecks {
    private WorkloadChecks() {
    }

    /** At least N pods matching a label selector are Running with every container ready. */
    public record PodsRunning(String namespace, String selector, int min) implements Check {
        public static PodsRunning from(Params p) {
            return new PodsRunning(p.string("namespace", "kube-system"), p.string("selector"), (int) p.integer("min", 1));
        }

        @Override
        public CheckResult run(CheckContext ctx) {
            String call = "GET /api/v1/namespaces/" + namespace + "/pods?labelSelector=" + selector;
            Say say = ctx.say();
            String expected = min == 1 ? say.t("at least 1 pod {0} in {1} Running and ready", selector, namespace)
                    : say.t("at least {0} pods {1} in {2} Running and ready", min, selector, namespace);
            return ClusterCall.run(ctx, expected, call, client -> {
                List<Pod> pods = client.pods().inNamespace(namespace).withLabelSelector(selector).list().getItems();
                List<String> seen = new ArrayList<>();
                int good = 0;
                for (Pod p : pods) {
                    String state = describe(p);
                    seen.add(p.getMetadata().getName() + ": " + state);
                    if (state.startsWith("Running, ready")) {
                        good++;
                    }
                }
                String evidence = ClusterCall.evidence(ctx, call);
                String observed = pods.isEmpty() ? say.t("no pods match {0}", selector) : String.join("; ", seen);
                if (good >= min && good == pods.size()) {
                    return CheckResult.pass(expected, observed, evidence);
                }
                return CheckResult.fail(expected, observed, evidence, pods.isEmpty()
                        ? say.t("nothing created them yet (a control-plane component, the CNI manifest or an add-on)")
                        : say.t("kubectl -n {0} describe pod and kubectl logs --previous say why", namespace));
            });
        }

        /** "Running, ready" or the reason a learner needs: "CrashLoopBackOff (restarts 12)", "Pending". */
        static String describe(Pod p) {
            String phase = p.getStatus() == null || p.getStatus().getPhase() == null ? "Unknown" : p.getStatus().getPhase();
            List<ContainerStatus> cs = p.getStatus() == null || p.getStatus().getContainerStatuses() == null ? List.of()
                    : p.getStatus().getContainerStatuses();
            for (ContainerStatus c : cs) {
                if (c.getState() != null && c.getState().getWaiting() != null) {
                    return c.getState().getWaiting().getReason() + " (container " + c.getName() + ", restarts "
                            + c.getRestartCount() + ")";
                }
                if (c.getState() != null && c.getState().getTerminated() != null) {
                    return "Terminated: " + c.getState().getTerminated().getReason() + " (container " + c.getName() + ")";
                }
            }
            boolean ready = !cs.isEmpty() && cs.stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
            if (phase.equals("Running")) {
                return ready ? "Running, ready" : "Running, not ready";
            }
            return phase;
        }
    }

    /** A deployment has all its replicas available. */
    public record DeploymentAvailable(String namespace, String name) implements Check {
        public static DeploymentAvailable from(Params p) {
            return new DeploymentAvailable(p.string("namespace", "default"), p.string("name"));
        }

        @Override
        public CheckResult run(CheckContext ctx) {
            String call = "GET /apis/apps/v1/namespaces/" + namespace + "/deployments/" + name;
            Say say = ctx.say();
            String expected = say.t("deployment {0} available", namespace + "/" + name);
            return ClusterCall.run(ctx, expected, call, client -> {
                Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
                String evidence = ClusterCall.evidence(ctx, call);
                if (d == null) {
                    return CheckResult.fail(expected, say.t("no deployment {0}", namespace + "/" + name), evidence,
                            "kubectl create deployment " + name + " --image=...");
                }
                int want = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                int have = d.getStatus() == null || d.getStatus().getAvailableReplicas() == null ? 0
                        : d.getStatus().getAvailableReplicas();
                String observed = say.t("{0}/{1} replicas available", have, want);
                return have >= want && want > 0 ? CheckResult.pass(expected, observed, evidence)
                        : CheckResult.fail(expected, observed, evidence, say.t("kubectl -n {0} describe deployment {1} "
                        + "and its pods say why", namespace, name));
            });
        }
    }

    /** A service has at least one ready endpoint (its selector matches a ready pod). */
    public record ServiceEndpoints(String namespace, String name) implements Check {
        public static ServiceEndpoints from(Params p) {
            return new ServiceEndpoints(p.string("namespace", "default"), p.string("name"));
        }

        @Override
        public CheckResult run(CheckContext ctx) {
            String call = "GET /api/v1/namespaces/" + namespace + "/endpoints/" + name;
            Say say = ctx.say();
            String expected = say.t("service {0} has ready endpoints", namespace + "/" + name);
            return ClusterCall.run(ctx, expected, call, client -> {
                Endpoints e = client.endpoints().inNamespace(namespace).withName(name).get();
                String evidence = ClusterCall.evidence(ctx, call);
                List<String> addresses = new ArrayList<>();
                if (e != null && e.getSubsets() != null) {
                    e.getSubsets().forEach(s -> {
                        if (s.getAddresses() != null) {
                            s.getAddresses().forEach(a -> addresses.add(a.getIp()));
                        }
                    });
                }
                if (!addresses.isEmpty()) {
                    return CheckResult.pass(expected, say.t("endpoints {0}", String.join(", ", addresses)), evidence);
                }
                return CheckResult.fail(expected, e == null ? say.t("no endpoints object (is there a service {0}?)", name)
                        : say.t("no ready endpoints"), evidence, say.t("the service's selector must match the labels "
                        + "of ready pods: kubectl -n {0} get pods --show-labels", namespace));
            });
        }
    }
}
