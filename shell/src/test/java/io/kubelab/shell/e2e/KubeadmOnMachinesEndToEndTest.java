package io.kubelab.shell.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.MockCluster;
import io.kubelab.shell.ShellRun;
import io.kubelab.shell.ShellRun.Result;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kubeadm lab's install and teardown steps for real, on practice machines (root): real apt
 * installs containerd from Debian and kubeadm, kubelet and kubectl from a signed repository laid out
 * as pkgs.k8s.io is (holding the test fixtures as packages), apt-mark holds them, swap goes off in
 * /etc/fstab, modules-load.d and sysctl.d are written, and real systemd enables and starts
 * containerd and the kubelet, on each machine's own files; then teardown runs for real.
 */
@Tag("e2e")
class KubeadmOnMachinesEndToEndTest {
    private static final Path STATE = Path.of(System.getenv().getOrDefault("KUBELAB_E2E", "/var/lib/kubelab-e2e"),
            "machines-state");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "kubeadm").toAbsolutePath();
    private static final List<String> MACHINES = List.of("10.79.0.11", "10.79.0.12");

    @TempDir
    Path home;
    AptRepository repo;
    MockCluster api;
    Path inventory = STATE.resolve("machines/inventory.yaml");

    private Result lab(String... args) {
        List<String> all = new ArrayList<>(List.of("--state-dir", STATE.toString()));
        all.addAll(List.of(args));
        return new ShellRun(home).env("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .env("USER", "root").run(all.toArray(new String[0]));
    }

    /** A command on a machine over ssh, with lab's key and the host key lab recorded. */
    private static String on(String address, String command) throws Exception {
        Process p = new ProcessBuilder("ssh", "-i", STATE.resolve("machines/id_ed25519").toString(), "-o",
                "UserKnownHostsFile=" + STATE.resolve("known_hosts"), "-o", "StrictHostKeyChecking=yes", "-o",
                "BatchMode=yes", "root@" + address, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }

    /*
     * The machines share this computer's cgroup hierarchy, which is v1 (hybrid): a kubelet 1.35 or
     * later refuses it (the preflight cgroups check says so), so the machines install 1.34, which is
     * still supported, from the fixture repository.
     */
    @BeforeEach
    void machines() throws Exception {
        lab("machines", "down");
        // The state folder is kept between tests (the root tree is built once): the lab starts afresh.
        lab("reset", "kubeadm", "--all", "--yes");
        Result up = BootReport.logged(lab("machines", "up", "2", "--control-planes", "1"));
        assertEquals(0, up.exit(), up.toString());
        InetAddress bridge = InetAddress.getByName("10.79.0.1");
        api = MockCluster.start(bridge, 0);
        repo = AptRepository.serve(Files.createDirectories(home.resolve("apt")), FIXTURES, "1.34", "1.34.2-1.1",
                bridge, api.url());
        // A swap line in fstab, as a real server may have: install must comment it out.
        on(MACHINES.get(1), "echo '/swapfile none swap sw 0 0' >> /etc/fstab");
    }

    @AfterEach
    void down() {
        if (repo != null) {
            repo.close();
        }
        if (api != null) {
            api.close();
        }
        lab("machines", "down");
    }

    @Test
    void installAndTeardownRunForRealOnTheMachinesOwnFiles() throws Exception {
        Result old = lab("run", "kubeadm", "install", "--inventory", inventory.toString(), "--set", "k8s_minor=1.31");
        assertTrue(old.exit() != 0 && old.err().contains("k8s_minor 1.31 is not supported (supported as of 2026-11: "
                + "1.34, 1.35, 1.36)"), old.toString());
        assertEquals("absent", on(MACHINES.get(0), "test -e /etc/apt/sources.list.d/kubernetes.list && echo present "
                + "|| echo absent"), "nothing ran");
        Result install = lab("run", "kubeadm", "install", "--inventory", inventory.toString(), "--set",
                "k8s_repo=" + repo.base(), "--set", "k8s_minor=1.34");
        assertEquals(0, install.exit(), install.toString());
        assertTrue(install.out().contains("apt-get install -y -q kubelet kubeadm kubectl && apt-mark hold"), install.out());

        for (String m : MACHINES) {
            assertEquals("kubeadm\nkubectl\nkubelet", on(m, "apt-mark showhold"), m);
            assertEquals("1.34.2-1.1", on(m, "dpkg-query -W -f '${Version}' kubeadm"), m);
            assertEquals("enabled\nenabled\nactive\nactive", on(m, "systemctl is-enabled containerd kubelet; "
                    + "systemctl is-active containerd kubelet"), m);
            assertEquals("overlay\nbr_netfilter", on(m, "cat /etc/modules-load.d/k8s.conf"), m);
            assertEquals("1", on(m, "sysctl -n net.ipv4.ip_forward"), m);
            assertTrue(on(m, "grep SystemdCgroup /etc/containerd/config.toml").contains("SystemdCgroup = true"), m);
        }
        assertEquals("#/swapfile none swap sw 0 0", on(MACHINES.get(1), "grep swapfile /etc/fstab"));
        assertTrue(!Files.exists(Path.of("/etc/modules-load.d/k8s.conf")) || !Files.readString(
                Path.of("/etc/modules-load.d/k8s.conf")).equals("overlay\nbr_netfilter\n"), "the host's files are untouched");

        Result check = lab("check", "kubeadm", "install", "-o", "json");
        JsonNode results = JsonMapper.builder().build().readTree(check.out()).get("results");
        results.forEach(r -> assertEquals("pass", r.get("status").asString(), r.toString()));
        assertEquals(3, results.size(), check.out()); // versions across the machines, runtime on each

        // Running the step again is safe: its checks pass, so it is skipped.
        Result again = lab("run", "kubeadm", "install");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("already pass"), again.out());

        Result teardown = lab("run", "kubeadm", "teardown", "--yes");
        assertEquals(0, teardown.exit(), teardown.toString());
        assertTrue(teardown.out().contains("[reset] Deleting contents of directories"), teardown.out());
        for (String m : MACHINES) {
            assertEquals("0", on(m, "iptables -S | grep -vc '^-P'"), "iptables flushed on " + m);
        }
        Result afterTeardown = lab("check", "kubeadm", "teardown", "-o", "json");
        JsonMapper.builder().build().readTree(afterTeardown.out()).get("results")
                .forEach(r -> assertEquals("pass", r.get("status").asString(), r.toString()));
    }

    /**
     * The whole lab on machines: install for real, then init, kubectl, the pod network, join and
     * verify with the fixture kubeadm talking to the mock API on lab's bridge, every check passing.
     * Only the CNI manifest's download is stood in for (a fixture curl on the control plane): this
     * computer cannot reach GitHub.
     */
    @Test
    void theWholeLabPassesOnMachines() throws Exception {
        curlFixtureOnTheControlPlane();
        Result rest = lab("run", "kubeadm", "--inventory", inventory.toString(), "--set", "k8s_repo=" + repo.base(),
                "--set", "k8s_minor=1.34");
        assertEquals(0, rest.exit(), rest.toString());
        assertTrue(rest.out().contains("→ node-1 kubeadm init --token ****** --pod-network-cidr=10.244.0.0/16 "
                + "--apiserver-advertise-address=10.79.0.11 --node-name node-1"), rest.out());
        assertEquals(List.of("node-1", "node-2"), api.client().nodes().list().getItems().stream()
                .map(n -> n.getMetadata().getName()).sorted().toList());

        Result check = lab("check", "kubeadm", "-o", "json");
        if (check.exit() != 0) {
            System.err.println("node-1 sshd journal (the check failed): " + on(MACHINES.get(0), "journalctl -u ssh --no-pager | tail -40; "
                    + "grep -i maxs /etc/ssh/sshd_config; ssh -V; uptime; free -m"));
        }
        assertEquals(0, check.exit(), check.toString());
        JsonMapper.builder().build().readTree(check.out()).get("results").forEach(r -> assertTrue(
                List.of("pass", "skip").contains(r.get("status").asString()), r.toString()));

        Result teardown = lab("run", "kubeadm", "teardown", "--yes");
        assertEquals(0, teardown.exit(), teardown.toString());
        assertEquals("absent", on(MACHINES.get(0), "test -e /etc/kubernetes/admin.conf && echo present || echo absent"));
    }

    /** The CNI manifests cannot be downloaded here: the control plane's curl is the test fixture that has them. */
    private void curlFixtureOnTheControlPlane() throws Exception {
        Files.copy(FIXTURES.resolve("curl"), home.resolve("curl"));
        assertEquals("", on(MACHINES.get(0), "cat > /usr/local/bin/curl < /dev/null"), "a place for the fixture");
        Process copy = new ProcessBuilder("scp", "-i", STATE.resolve("machines/id_ed25519").toString(), "-o",
                "UserKnownHostsFile=" + STATE.resolve("known_hosts"), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                FIXTURES.resolve("curl").toString(), "root@" + MACHINES.get(0) + ":/usr/local/bin/curl").inheritIO().start();
        assertEquals(0, copy.waitFor());
        on(MACHINES.get(0), "chmod 755 /usr/local/bin/curl");
    }

    /**
     * `lab test` of the whole lab on fresh machines: each step's checks fail before it (install's
     * too: nothing is installed yet) and pass after it, the question both ways, the teardown last.
     */
    @Test
    void labTestProvesTheWholeLabOnFreshMachines() throws Exception {
        curlFixtureOnTheControlPlane();
        Result r = lab("test", "kubeadm", "--inventory", inventory.toString(), "--set", "k8s_repo=" + repo.base(),
                "--set", "k8s_minor=1.34");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("✓ preflight · after  "), r.out());
        assertTrue(r.out().contains("✓ install · before  "), r.out());
        assertTrue(r.out().contains("✓ install · after  "), r.out());
        assertTrue(r.out().contains("✓ teardown · after  "), r.out());
        assertEquals("absent", on(MACHINES.get(0), "test -e /etc/kubernetes/admin.conf && echo present || echo absent"));
    }
}
