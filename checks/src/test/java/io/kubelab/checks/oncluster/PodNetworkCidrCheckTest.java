package io.kubelab.checks.oncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CNI's own configuration against the lab's pod CIDR: the range it was really given, named beside ours. */
class PodNetworkCidrCheckTest {
    @TempDir
    Path dir;
    MockCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = MockCluster.start();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private CheckResult run(String cni, String cidr) throws Exception {
        return cluster.check(PodNetworkCidrCheck.from(Params.of("cni", cni, "cidr", cidr)), dir);
    }

    /** flannel's ConfigMap as its release manifest writes it, with the Network the sed left there. */
    private void flannelWith(String network) {
        cluster.client().configMaps().inNamespace("kube-flannel").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("kube-flannel-cfg").withNamespace("kube-flannel").endMetadata()
                .addToData("cni-conf.json", "{\"name\": \"cbr0\", \"cniVersion\": \"0.3.1\"}")
                .addToData("net-conf.json", "{\n  \"Network\": \"" + network + "\",\n  \"EnableNFTables\": false,\n"
                        + "  \"Backend\": {\n    \"Type\": \"vxlan\"\n  }\n}\n")
                .build()).create();
    }

    private void calicoNode(String poolEnv) {
        DaemonSetBuilder ds = new DaemonSetBuilder().withNewMetadata().withName("calico-node").withNamespace("kube-system")
                .endMetadata();
        var container = ds.withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("calico-node")
                .addNewEnv().withName("CALICO_NETWORKING_BACKEND").withValue("bird").endEnv();
        if (poolEnv != null) {
            container = container.addNewEnv().withName("CALICO_IPV4POOL_CIDR").withValue(poolEnv).endEnv();
        }
        cluster.client().apps().daemonSets().inNamespace("kube-system")
                .resource(container.endContainer().endSpec().endTemplate().endSpec().build()).create();
    }

    private void ipPool(String cidr) {
        GenericKubernetesResource pool = new GenericKubernetesResourceBuilder()
                .withApiVersion("crd.projectcalico.org/v1").withKind("IPPool")
                .withNewMetadata().withName("default-ipv4-ippool").endMetadata()
                .addToAdditionalProperties("spec", Map.of("cidr", cidr, "ipipMode", "Always", "natOutgoing", true))
                .build();
        cluster.client().genericKubernetesResources(PodNetworkCidrCheck.IP_POOLS).resource(pool).create();
    }

    @Test
    void flannelWithTheLabsRangePasses() throws Exception {
        flannelWith("10.244.0.0/16");
        CheckResult r = run("flannel", "10.244.0.0/16");
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("flannel's Network is 10.244.0.0/16", r.observed());
    }

    @Test
    void flannelLeftOnItsOwnRangeFailsNamingBoth() throws Exception {
        flannelWith("10.244.0.0/16");
        CheckResult r = run("flannel", "10.20.0.0/16");
        assertEquals(Status.FAIL, r.status());
        assertEquals("flannel configured for pods in 10.20.0.0/16", r.expected());
        assertEquals("flannel's Network is 10.244.0.0/16, not 10.20.0.0/16", r.observed());
        assertTrue(r.hint().contains("kubectl -n kube-flannel edit configmap kube-flannel-cfg"), r.hint());
    }

    @Test
    void calicoWhoseManifestEditDidNotMatchFailsNamingBoth() throws Exception {
        calicoNode(null); // the commented-out lines stayed commented
        ipPool("192.168.0.0/16");
        CheckResult r = run("calico", "10.244.0.0/16");
        assertEquals(Status.FAIL, r.status());
        assertEquals("calico's IP pool is 192.168.0.0/16, not 10.244.0.0/16", r.observed());
        assertTrue(r.hint().startsWith("the manifest edit did not set CALICO_IPV4POOL_CIDR to 10.244.0.0/16"), r.hint());
    }

    @Test
    void calicoBeforeItsPoolExistsIsJudgedByWhatCalicoNodeWasGiven() throws Exception {
        calicoNode(null);
        CheckResult unset = run("calico", "10.244.0.0/16");
        assertEquals(Status.FAIL, unset.status());
        assertEquals("no IP pool yet; calico-node will make 192.168.0.0/16 (CALICO_IPV4POOL_CIDR is not set), "
                + "not 10.244.0.0/16", unset.observed());

        cluster.client().apps().daemonSets().inNamespace("kube-system").withName("calico-node").delete();
        calicoNode("10.244.0.0/16");
        assertEquals(Status.PASS, run("calico", "10.244.0.0/16").status());
        ipPool("10.244.0.0/16");
        CheckResult pooled = run("calico", "10.244.0.0/16");
        assertEquals(Status.PASS, pooled.status());
        assertEquals("calico's IP pool is 10.244.0.0/16", pooled.observed());
    }

    @Test
    void noCniAtAllSaysSo() throws Exception {
        assertEquals("no kube-flannel/kube-flannel-cfg with net-conf.json: flannel is not installed",
                run("flannel", "10.244.0.0/16").observed());
        assertEquals("no IP pool and no calico-node DaemonSet: calico is not installed",
                run("calico", "10.244.0.0/16").observed());
    }

    @Test
    void badParametersAreOneClearLine() {
        assertEquals("check 'pod-network-cidr' needs cni: one of flannel, calico (got 'weave')",
                assertThrows(BadParameterException.class,
                        () -> PodNetworkCidrCheck.from(Params.of("cni", "weave", "cidr", "10.0.0.0/8"))).getMessage());
    }
}
