package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.Node;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import io.kubelab.checks.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Every kubelet is within the supported version skew of the API server: never newer, and at most
 * three minor versions older (two before Kubernetes 1.28).
 */
public record VersionSkewCheck(int maxBehind) implements Check {

    public static VersionSkewCheck from(Params p) {
        return new VersionSkewCheck((int) p.integer("max_minor_behind", -1));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        return ClusterCall.run(ctx, say.t("kubelets within the supported skew of the API server"), "GET /version, /api/v1/nodes",
                client -> {
                    Version server = Version.parse(client.getKubernetesVersion().getGitVersion());
                    int behind = maxBehind >= 0 ? maxBehind : (server.minor() >= 28 ? 3 : 2);
                    String expected = say.t("kubelets from 1.{0} to 1.{1} (API server {2})",
                            Math.max(0, server.minor() - behind), server.minor(), server);
                    List<String> seen = new ArrayList<>();
                    List<String> wrong = new ArrayList<>();
                    List<Node> nodes = new ArrayList<>(client.nodes().list().getItems());
                    nodes.sort(java.util.Comparator.comparing(n -> n.getMetadata().getName()));
                    for (Node n : nodes) {
                        String v = n.getStatus() == null || n.getStatus().getNodeInfo() == null ? ""
                                : n.getStatus().getNodeInfo().getKubeletVersion();
                        Version kubelet = Version.find(v).orElse(null);
                        seen.add(n.getMetadata().getName() + " " + (kubelet == null ? say.t("unknown") : kubelet));
                        if (kubelet == null || kubelet.major() != server.major() || kubelet.minor() > server.minor()
                                || server.minor() - kubelet.minor() > behind) {
                            wrong.add(n.getMetadata().getName());
                        }
                    }
                    String evidence = ClusterCall.evidence(ctx, "GET /version, /api/v1/nodes");
                    return wrong.isEmpty() ? CheckResult.pass(expected, String.join(", ", seen), evidence)
                            : CheckResult.fail(expected, String.join(", ", seen), evidence, say.t("upgrade the kubelet "
                            + "on {0} one minor at a time (kubeadm upgrade node), control plane first", String.join(", ", wrong)));
                });
    }
}
