package io.kubelab.shell.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.kubelab.checks.testing.MockCluster;
import io.kubelab.shell.ShellRun;
import io.kubelab.shell.ShellRun.Result;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lab run kubeadm` for real, over real SSH, against real sshd nodes whose kubeadm, kubectl,
 * systemctl and crictl are test fixtures talking to a mock API server on the nodes' bridge
 * (see shell/src/test/resources/fixtures/kubeadm). Run by e2e/run.sh as root.
 */
@Tag("e2e")
class KubeadmLabEndToEndTest {
    @TempDir
    Path dir;
    Nodes nodes;
    MockCluster api;
    Path inventory;
    Path home;
    /** Everything lab printed in this test, to search for secrets. */
    final List<String> printed = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        nodes = new Nodes();
        api = MockCluster.start(InetAddress.getByName("10.77.0.1"), 0);
        for (int i = 1; i <= nodes.count(); i++) {
            Path fixtures = nodes.state.resolve("node" + i).resolve("fixtures");
            if (!Files.exists(fixtures.resolve("kubeadm"))) {
                throw new IllegalStateException("the nodes have no kubeadm fixture: start them with --fixtures "
                        + "shell/src/test/resources/fixtures/kubeadm (e2e/run.sh does)");
            }
            Files.writeString(fixtures.resolve("fixture.env"), "API=" + api.url() + "\n");
            nodes.ssh(i, "rm -rf /etc/kubernetes/* /var/lib/kubelet/* /root/.kube /root/e2e");
            nodes.swapOff(i);
        }
        home = nodes.home(Files.createDirectories(dir.resolve("home")));
        inventory = nodes.writeInventory(dir.resolve("hosts.yaml"));
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
        for (int i = 1; i <= nodes.count(); i++) {
            nodes.start(i); // a test may have stopped one
            nodes.swapOff(i);
        }
    }

    private Result lab(String... args) {
        Result r = new ShellRun(home).env("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin").env("USER", "root")
                .run(args);
        printed.add(r.out() + r.err());
        return r;
    }

    /** Every bootstrap token the cluster knows, read from its Secrets (kubeadm stores them there). */
    private List<String> tokens() {
        List<String> out = new ArrayList<>();
        for (Secret s : api.client().secrets().inNamespace("kube-system").list().getItems()) {
            if (s.getMetadata().getName().startsWith("bootstrap-token-")) {
                out.add(decode(s.getData().get("token-id")) + "." + decode(s.getData().get("token-secret")));
            }
        }
        return out;
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    /** No token in anything lab printed, nor in any file it wrote. */
    private void assertNoTokenLeaked() throws Exception {
        List<String> tokens = tokens();
        assertFalse(tokens.isEmpty(), "the cluster has tokens to look for");
        List<Path> files;
        try (Stream<Path> s = Files.walk(home.resolve("state"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".jsonl")), "a transcript was written");
        for (String token : tokens) {
            for (String p : printed) {
                assertFalse(p.contains(token), "a token was printed");
                assertFalse(p.contains(token.split("\\.")[1]), "a token's secret half was printed");
            }
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(token.split("\\.")[1]), "a token is in " + f);
            }
        }
    }

    @Test
    void fromPreflightToAllChecksPass() throws Exception {
        Result run = lab("run", "kubeadm", "--inventory", inventory.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("→ node1 kubeadm init --token ****** --pod-network-cidr=10.244.0.0/16 "
                + "--apiserver-advertise-address=10.77.0.11 --node-name node1"), run.out());
        assertTrue(run.out().contains("  node1 | kubeadm join 10.77.0.11:6443 --token ****** \\"), run.out());
        assertTrue(run.out().contains("  captured join_command = kubeadm join 10.77.0.11:6443 --token ****** "
                + "--discovery-token-ca-cert-hash sha256:"), run.out());
        assertTrue(run.out().matches("(?s).*node1\\s+NotReady\\s+control-plane.*"), "kubectl get nodes ran: " + run.out());
        assertTrue(run.out().contains("✓ node2: done in") && run.out().contains("✓ node3: done in"), run.out());
        Path adminConf = home.resolve("state/kubelab/work/kubeadm/admin.conf");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(adminConf)));

        assertEquals(0, lab("answer", "kubeadm", "b").exit());
        Result check = lab("check", "kubeadm");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("All checks pass"), check.out());
        assertTrue(check.out().contains("✓ pass  the join hash is the cluster CA's (join-hash) — hash sha256:"),
                check.out());
        assertTrue(check.out().contains("✓ pass  admin.conf authenticates as kubernetes-admin (admin-user) — "), check.out());
        assertTrue(check.out().contains("✓ pass  the pod network uses 10.244.0.0/16 (pod-cidr) — flannel's Network is "
                + "10.244.0.0/16"), check.out());
        assertTrue(check.out().contains("user CN=kubernetes-admin, O=kubeadm:cluster-admins"), check.out());
        Result status = lab("status", "kubeadm");
        assertEquals(0, status.exit(), status.toString());
        assertNoTokenLeaked();
    }

    /**
     * Calico with a pod CIDR of the learner's: the manifest's commented-out pool lines are edited,
     * and the check reads the pool calico made (the fixture kubectl makes what calico-node would).
     */
    @Test
    void calicoWithTheLearnersPodCidr() throws Exception {
        Result run = lab("run", "kubeadm", "--inventory", inventory.toString(), "--set", "cni=calico", "--set",
                "pod_cidr=10.20.0.0/16");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("--pod-network-cidr=10.20.0.0/16"), run.out());
        assertTrue(run.out().contains("daemonset.apps/calico-node created"), run.out());
        Result check = lab("check", "kubeadm", "verify");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("✓ pass  the pod network uses 10.20.0.0/16 (pod-cidr) — calico's IP pool is "
                + "10.20.0.0/16"), check.out());
    }

    @Test
    void aDryRunPrintsThePlanPerHostAndTouchesNothing() throws Exception {
        Result r = lab("run", "kubeadm", "--inventory", inventory.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("node1: kubeadm init --token ****** --pod-network-cidr=10.244.0.0/16"), r.out());
        assertTrue(r.out().contains("# not run: only when kube_control_plane >= 3"), r.out());
        assertTrue(r.out().contains("node2: {{join_command | raw}} --node-name node2"), r.out());
        assertTrue(r.out().contains("node1: fetch /etc/kubernetes/admin.conf -> "), r.out());
        assertTrue(r.out().contains("Dry run: nothing was run or changed.") || r.err().contains("Dry run"), r.toString());
        assertEquals("absent\n", nodes.ssh(1, "test -e /etc/kubernetes/admin.conf && echo present || echo absent"));
        assertTrue(api.client().nodes().list().getItems().isEmpty());
    }

    @Test
    void highAvailabilityWithThreeControlPlaneHosts() throws Exception {
        Path ha = Files.writeString(dir.resolve("ha.yaml"), Files.readString(inventory)
                .replace("kube_control_plane:\n      hosts: {node1: {}}",
                        "kube_control_plane:\n      hosts: {node1: {}, node2: {}, node3: {}}")
                .replace("kube_node:\n      hosts:\n        node2: {}\n        node3: {}\n", "kube_node:\n      hosts: {}\n"));
        Result r = lab("run", "kubeadm", "--inventory", ha.toString(), "--set", "control_plane_endpoint=10.77.0.11:6443");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("→ node1 kubeadm init --control-plane-endpoint 10.77.0.11:6443 --upload-certs "
                + "--certificate-key ****** --token ******"), r.out());
        assertTrue(r.out().contains("→ node2 kubeadm join 10.77.0.11:6443 --token ****** --discovery-token-ca-cert-hash "),
                r.out());
        assertTrue(r.out().contains("--control-plane --certificate-key ****** --node-name node2"), r.out());
        assertEquals(0, lab("answer", "kubeadm", "b").exit());
        Result check = lab("check", "kubeadm");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("node1: roles control-plane; node2: roles control-plane; node3: roles control-plane"),
                check.out());
        assertNoTokenLeaked();
    }

    @Test
    void swapOnAWorkerFailsItsJoinNamingTheNodeAndTheFix() throws Exception {
        nodes.swapOn(3);
        Result r = lab("run", "kubeadm", "--inventory", inventory.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("! warn  swap is off (swap@node3)"), r.out());
        assertTrue(r.out().contains("observed: swap in use: /swapfile"), r.out());
        assertTrue(r.out().contains("hint:     Run `sudo swapoff -a`"), r.out());
        assertTrue(r.out().contains("node3 | The kubelet's log says: \"command failed\" err=\"failed to run Kubelet: "
                + "running with swap on is not supported"), r.out());
        assertTrue(r.err().contains("step join did not finish: node3: exit status 1"), r.err());
        nodes.swapOff(3);
        Result again = lab("run", "kubeadm");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("- node2: skipped kubeadm join"), "node2 is not joined twice: " + again.out());
        assertTrue(again.out().contains("(/etc/kubernetes/kubelet.conf already exists)"), again.out());
        assertFalse(again.out().contains("kubeadm init"), "the control plane is not initialised twice");
        assertNoTokenLeaked();
    }

    @Test
    void aWrongHashFailsWithKubeadmsWordsThenARecoveredCommandJoins() throws Exception {
        for (String step : List.of("preflight", "install", "init", "kubectl", "network")) {
            Result r = lab("run", "kubeadm", step, "--inventory", inventory.toString());
            assertEquals(0, r.exit(), step + ": " + r);
        }
        String token = tokens().get(0);
        String wrong = "kubeadm join 10.77.0.11:6443 --token " + token + " --discovery-token-ca-cert-hash sha256:"
                + "0".repeat(64);
        Result r = lab("run", "kubeadm", "join", "--set", "join_command=" + wrong);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("node2 | error execution phase preflight: couldn't validate the identity of the API "
                + "Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys \"sha256:"),
                r.out());
        assertTrue(r.err().contains("step join did not finish: node2: exit status 1; node3: exit status 1"), r.err());
        // A new session has no join command: lab recovers a fresh one from the control plane.
        Result again = lab("run", "kubeadm", "join");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("→ node1 kubeadm token create --print-join-command"), again.out());
        Result rest = lab("run", "kubeadm");
        assertEquals(0, rest.exit(), rest.toString());
        assertNoTokenLeaked();
    }

    @Test
    void aWorkerWhoseSshdIsDownIsNamedAndTheLabResumes() throws Exception {
        nodes.stop(3);
        Result r = lab("run", "kubeadm", "--inventory", inventory.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.out().contains("? error") && r.out().contains("node3: cannot connect to root@10.77.0.13:22"),
                r.out());
        nodes.start(3);
        Result again = lab("run", "kubeadm");
        assertEquals(0, again.exit(), again.toString());
        assertNoTokenLeaked();
    }

    @Test
    void aNodeLeftNotReadyIsNamedWithItsCondition() throws Exception {
        assertEquals(0, lab("run", "kubeadm", "--inventory", inventory.toString()).exit());
        assertEquals(0, lab("answer", "kubeadm", "b").exit());
        Node node3 = api.client().nodes().withName("node3").get();
        node3.getStatus().getConditions().get(0).setStatus("False");
        node3.getStatus().getConditions().get(0).setReason("KubeletNotReady");
        node3.getStatus().getConditions().get(0).setMessage("container runtime is down");
        api.client().nodes().resource(node3).update();
        Result r = lab("check", "kubeadm");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("observed: node3: Ready=False (KubeletNotReady: container runtime is down)"), r.out());
        node3 = api.client().nodes().withName("node3").get();
        node3.getStatus().getConditions().get(0).setStatus("True");
        api.client().nodes().resource(node3).update();
        assertEquals(0, lab("check", "kubeadm").exit());
    }

    /**
     * `lab test` from init on: each step's checks fail before it and pass after it on real nodes,
     * the question grades both ways, and the teardown resets the nodes. Preflight and install are
     * before --from: these nodes come with the tools (the fixtures), as a prepared class machine would.
     */
    @Test
    void labTestProvesEveryStepFromInitOnFromBothSides() throws Exception {
        Result r = lab("test", "kubeadm", "--inventory", inventory.toString(), "--from", "init");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("✓ init · before  "), r.out());
        assertTrue(r.out().contains("✓ join · after  "), r.out());
        assertTrue(r.out().contains("✓ teardown · after  "), r.out());
        assertTrue(r.out().contains("lab test kubeadm: passed"), r.out());
        // The test's state folder is gone once it passed; what it printed names no token.
        List<String> tokens = tokens();
        assertFalse(tokens.isEmpty(), "init made a token to look for");
        for (String token : tokens) {
            assertFalse((r.out() + r.err()).contains(token.split("\\.")[1]), "a token's secret half was printed");
        }
    }
}
