package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pod network's own configuration uses the lab's pod CIDR. The CNI is set to it by editing
 * its manifest; when that edit stops matching (a new release rewords a line), the manifest's
 * own default silently wins. This reads what the CNI was actually given: flannel's net-conf.json,
 * or calico's IP pools (and, before calico-node made them, its CALICO_IPV4POOL_CIDR).
 */
public record PodNetworkCidrCheck(String cni, String cidr) implements Check {
    public static final List<String> CNIS = List.of("flannel", "calico");
    static final String FLANNEL_NAMESPACE = "kube-flannel";
    static final String FLANNEL_CONFIG = "kube-flannel-cfg";
    static final String CALICO_POOL_ENV = "CALICO_IPV4POOL_CIDR";
    /** What calico's manifest uses when CALICO_IPV4POOL_CIDR is left commented out. */
    static final String CALICO_DEFAULT = "192.168.0.0/16";
    static final ResourceDefinitionContext IP_POOLS = new ResourceDefinitionContext.Builder()
            .withGroup("crd.projectcalico.org").withVersion("v1").withKind("IPPool").withPlural("ippools")
            .withNamespaced(false).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static PodNetworkCidrCheck from(Params p) {
        String cni = p.string("cni", "");
        if (!CNIS.contains(cni)) {
            throw new BadParameterException("check 'pod-network-cidr' needs cni: one of " + String.join(", ", CNIS)
                    + " (got '" + cni + "')");
        }
        String cidr = p.string("cidr", "");
        if (!cidr.matches("[0-9]+(\\.[0-9]+){3}/[0-9]+")) {
            throw new BadParameterException("check 'pod-network-cidr' needs cidr: an IPv4 range such as 10.244.0.0/16"
                    + " (got '" + cidr + "')");
        }
        return new PodNetworkCidrCheck(cni, cidr);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String expected = ctx.say().t("{0} configured for pods in {1}", cni, cidr);
        return cni.equals("flannel") ? flannel(ctx, expected) : calico(ctx, expected);
    }

    private CheckResult flannel(CheckContext ctx, String expected) {
        String call = "GET configmap " + FLANNEL_NAMESPACE + "/" + FLANNEL_CONFIG;
        Say say = ctx.say();
        return ClusterCall.run(ctx, expected, call, client -> {
            String evidence = ClusterCall.evidence(ctx, call);
            ConfigMap cm = client.configMaps().inNamespace(FLANNEL_NAMESPACE).withName(FLANNEL_CONFIG).get();
            if (cm == null || cm.getData() == null || !cm.getData().containsKey("net-conf.json")) {
                return CheckResult.fail(expected, say.t("no {0} with net-conf.json: flannel is not installed",
                        FLANNEL_NAMESPACE + "/" + FLANNEL_CONFIG), evidence,
                        say.t("apply flannel's manifest (this step's actions do)"));
            }
            Optional<String> network = flannelNetwork(cm.getData().get("net-conf.json"));
            if (network.isEmpty()) {
                return CheckResult.fail(expected, say.t("net-conf.json has no \"Network\""), evidence,
                        "kubectl -n " + FLANNEL_NAMESPACE + " edit configmap " + FLANNEL_CONFIG);
            }
            return compare(say, expected, say.t("flannel's Network is {0}", network.get()), network.get(), evidence,
                    say.t("flannel was applied with its own range; set \"Network\": \"{0}\" in net-conf.json "
                            + "(kubectl -n kube-flannel edit configmap kube-flannel-cfg), then kubectl -n kube-flannel "
                            + "rollout restart daemonset kube-flannel-ds", cidr));
        });
    }

    private static Optional<String> flannelNetwork(String netConf) {
        try {
            JsonNode network = JSON.readTree(netConf).get("Network");
            return network == null || !network.isString() ? Optional.empty() : Optional.of(network.asString());
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private CheckResult calico(CheckContext ctx, String expected) {
        String call = "GET ippools.crd.projectcalico.org";
        Say say = ctx.say();
        return ClusterCall.run(ctx, expected, call, client -> {
            List<String> pools = ipPools(client);
            if (!pools.isEmpty()) {
                String evidence = ClusterCall.evidence(ctx, call);
                String observed = pools.size() == 1 ? say.t("calico's IP pool is {0}", pools.get(0))
                        : say.t("calico's IP pools are {0}", String.join(", ", pools));
                return pools.contains(cidr) ? CheckResult.pass(expected, observed, evidence)
                        : CheckResult.fail(expected, say.t("{0}, not {1}", observed, cidr), evidence, calicoFix(say));
            }
            // No pool yet: calico-node makes it on its first start, from its CALICO_IPV4POOL_CIDR.
            String dsCall = "GET daemonset kube-system/calico-node";
            String evidence = ClusterCall.evidence(ctx, dsCall);
            DaemonSet ds = client.apps().daemonSets().inNamespace("kube-system").withName("calico-node").get();
            if (ds == null) {
                return CheckResult.fail(expected, say.t("no IP pool and no calico-node DaemonSet: calico is not installed"),
                        evidence, say.t("apply calico's manifest (this step's actions do)"));
            }
            Optional<String> env = poolEnv(ds);
            String planned = env.orElse(CALICO_DEFAULT);
            String observed = env.isPresent() ? say.t("no IP pool yet; calico-node will make {0} (CALICO_IPV4POOL_CIDR)", planned)
                    : say.t("no IP pool yet; calico-node will make {0} (CALICO_IPV4POOL_CIDR is not set)", planned);
            return compare(say, expected, observed, planned, evidence, calicoFix(say));
        });
    }

    private String calicoFix(Say say) {
        return say.t("the manifest edit did not set CALICO_IPV4POOL_CIDR to {0} (a new calico release may word "
                + "those lines differently); delete calico (kubectl delete -f calico.yaml), edit the downloaded "
                + "manifest so that CALICO_IPV4POOL_CIDR is {0}, and apply it again", cidr);
    }

    private static List<String> ipPools(KubernetesClient client) {
        try {
            return client.genericKubernetesResources(IP_POOLS).list().getItems().stream()
                    .map(PodNetworkCidrCheck::poolCidr).flatMap(Optional::stream).sorted().toList();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of(); // calico's resources are not defined yet
            }
            throw e;
        }
    }

    private static Optional<String> poolCidr(GenericKubernetesResource pool) {
        Object spec = pool.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m && m.get("cidr") != null ? Optional.of(String.valueOf(m.get("cidr")))
                : Optional.empty();
    }

    private static Optional<String> poolEnv(DaemonSet ds) {
        if (ds.getSpec() == null || ds.getSpec().getTemplate() == null || ds.getSpec().getTemplate().getSpec() == null) {
            return Optional.empty();
        }
        for (Container c : ds.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                if (CALICO_POOL_ENV.equals(e.getName()) && e.getValue() != null) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private CheckResult compare(Say say, String expected, String observed, String actual, String evidence, String fix) {
        return actual.equals(cidr) ? CheckResult.pass(expected, observed, evidence)
                : CheckResult.fail(expected, say.t("{0}, not {1}", observed, cidr), evidence, fix);
    }
}
