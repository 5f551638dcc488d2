package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import java.util.List;
import java.util.Map;

/**
 * The control plane is the provider's, not the learner's — chapter question 2 seen in the
 * cluster itself: no node carries the control-plane (or old master) role, no kube-apiserver pod
 * runs in kube-system, and yet the API server answers, with the version the provider chose.
 */
public record ManagedControlPlaneCheck() implements Check {
    static final String CALL = "GET /api/v1/nodes, GET /api/v1/namespaces/kube-system/pods, GET /version";

    public static ManagedControlPlaneCheck from(Params p) {
        return new ManagedControlPlaneCheck();
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = say.t("a control plane you cannot see: no control-plane nodes, no kube-apiserver pod");
        return ClusterCall.run(ctx, expected, CALL, client -> {
            List<Node> nodes = client.nodes().list().getItems();
            List<String> controlPlane = nodes.stream().filter(ManagedControlPlaneCheck::isControlPlane)
                    .map(n -> n.getMetadata().getName()).toList();
            List<String> apiServers = client.pods().inNamespace("kube-system").list().getItems().stream()
                    .filter(ManagedControlPlaneCheck::isApiServer).map(p -> p.getMetadata().getName()).toList();
            String version = client.getKubernetesVersion().getGitVersion();
            String evidence = ClusterCall.evidence(ctx, CALL);
            if (controlPlane.isEmpty() && apiServers.isEmpty()) {
                return CheckResult.pass(expected, say.t("{0} nodes, none of them a control plane; no kube-apiserver pod in "
                        + "kube-system; the API server answers as {1}", nodes.size(), version), evidence);
            }
            String observed = controlPlane.isEmpty() ? say.t("kube-apiserver pods: {0}", String.join(", ", apiServers))
                    : say.t("control-plane nodes: {0}", String.join(", ", controlPlane));
            return CheckResult.fail(expected, observed, evidence, say.t("this cluster's control plane runs on nodes you "
                    + "manage (kubeadm, kops, minikube): point the check at the managed cluster's kubeconfig"));
        });
    }

    private static boolean isControlPlane(Node n) {
        Map<String, String> labels = n.getMetadata().getLabels();
        return labels != null && (labels.containsKey(NodeRoleCheck.PREFIX + "control-plane")
                || labels.containsKey(NodeRoleCheck.PREFIX + "master"));
    }

    private static boolean isApiServer(Pod p) {
        Map<String, String> labels = p.getMetadata().getLabels();
        return "kube-apiserver".equals(labels == null ? null : labels.get("component"))
                || p.getMetadata().getName().startsWith("kube-apiserver-");
    }
}
