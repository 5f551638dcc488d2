package io.kubelab.shell.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.MockCluster;
import io.kubelab.shell.ShellRun;
import io.kubelab.shell.ShellRun.Result;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubespray lab with the real ansible-playbook (Debian's) over real SSH to the suite's OpenSSH
 * nodes, running a test-fixture tree shaped like a kubespray checkout (fixtures/kubespray): the
 * Ansible range read from the tree, a run where a task fails on one node, one where all succeed and
 * the cluster checks pass, and the reset. Run by e2e/run.sh as root.
 */
@Tag("e2e")
class KubesprayOnSshNodesEndToEndTest {
    @TempDir
    Path dir;
    Nodes nodes;
    Path home;
    Path inventory;
    Path tree;
    MockCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        nodes = new Nodes();
        home = nodes.home(Files.createDirectories(dir.resolve("home")));
        cluster = MockCluster.start(InetAddress.getLoopbackAddress(), 0);
        // The inventory of the kubeadm lab, with where the fixture's nodes register (reached from this machine),
        // and the nodes' host keys for Ansible's ssh too (OpenSSH reads ~/.ssh of the passwd entry, not $HOME).
        String inv = Files.readString(nodes.writeInventory(dir.resolve("hosts.yaml")));
        inventory = Files.writeString(dir.resolve("hosts.yaml"), inv.replace("  vars:\n", "  vars:\n    kubespray_fixture_api: "
                + cluster.url() + "\n    ansible_ssh_common_args: -o UserKnownHostsFile=" + nodes.knownHosts() + "\n"));
        tree = dir.resolve("kubespray");
        copy(Path.of("src/test/resources/fixtures/kubespray"), tree);
        for (int i = 1; i <= nodes.count(); i++) {
            nodes.ssh(i, "rm -rf /root/e2e /etc/kubernetes/admin.conf");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        cluster.close();
        for (int i = 1; i <= nodes.count(); i++) {
            nodes.ssh(i, "rm -rf /root/e2e /etc/kubernetes/admin.conf");
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Result lab(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--inventory", inventory.toString(), "--set", "kubespray_dir=" + tree,
                "--set", "ansible_playbook=ansible-playbook"));
        return new ShellRun(home).env("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin").env("USER", "root")
                .run(all.toArray(String[]::new));
    }

    @Test
    void theAnsibleRangeIsReadFromTheCheckout() throws Exception {
        Result met = lab("check", "kubespray", "ansible");
        assertEquals(0, met.exit(), met.toString());
        Path play = tree.resolve("playbooks/ansible_version.yml");
        Files.writeString(play, Files.readString(play).replace("2.14.0", "2.18.0").replace("2.99.0", "2.19.0"));
        Result v231 = lab("check", "kubespray", "ansible");
        assertEquals(1, v231.exit(), v231.toString());
        assertTrue(v231.out().contains("expected: ansible-core ≥ 2.18.0 and < 2.19.0 (what playbooks/ansible_version.yml "
                + "asserts)"), v231.out());
        assertTrue(v231.out().matches("(?s).*observed: ansible-core 2\\.1[0-7]\\.\\d+.*"), v231.out());
    }

    @Test
    void aTaskFailingOnOneNodeThenARunWhereAllSucceedThenTheReset() throws Exception {
        nodes.ssh(2, "mkdir -p /root/e2e && echo 'containerd: write /var/lib/containerd: no space left on device' "
                + "> /root/e2e/break");
        Result failed = lab("run", "kubespray", "deploy");
        assertEquals(1, failed.exit(), failed.toString());
        assertTrue(failed.err().contains("failed on node2 at task 'Install the container runtime': containerd: write "
                + "/var/lib/containerd: no space left on device"), failed.err());
        assertTrue(failed.out().contains("  ✗ node2: containerd: write /var/lib/containerd: no space left on device"),
                failed.out());
        assertTrue(failed.out().matches("(?s).*RECAP after \\d+m\\d\\ds\\n.*node2 +ok=\\d+ changed=\\d+ unreachable=0 "
                + "failed=1.*"), failed.out());

        nodes.ssh(2, "rm /root/e2e/break");
        Result ok = lab("run", "kubespray", "deploy");
        assertEquals(0, ok.exit(), ok.toString());
        // The bar reaches the total the listing gave, in the last of the plays it counted.
        Matcher last = Pattern.compile("(\\d+)/(\\d+) tasks · play (\\d+)/(\\d+)").matcher(ok.out());
        String[] end = null;
        while (last.find()) {
            end = new String[] {last.group(1), last.group(2), last.group(3), last.group(4)};
        }
        assertTrue(end != null && end[0].equals(end[1]) && end[2].equals(end[3]), ok.out());
        assertTrue(ok.out().contains("✓ pass  every inventory node is a cluster node and Ready (nodes-ready)"), ok.out());
        assertTrue(ok.out().contains("✓ pass  CoreDNS is running (coredns)"), ok.out());
        assertTrue(ok.out().contains("(control-plane-pods)"), ok.out());
        for (int i = 1; i <= nodes.count(); i++) {
            assertEquals("containerd\n", nodes.ssh(i, "cat /root/e2e/runtime"));
        }

        Result reset = lab("run", "kubespray", "teardown", "--yes");
        assertEquals(0, reset.exit(), reset.toString());
        assertFalse(nodes.ssh(1, "ls /etc/kubernetes").contains("admin.conf"));
        assertTrue(cluster.client().nodes().list().getItems().isEmpty(), "every node deregistered");
    }

    /**
     * `lab test` from the Ansible step on: each step's checks fail before it and pass after it, with
     * the real ansible-playbook over SSH, the question graded both ways, the reset last. The
     * checkout is before --from: the fixture tree stands in for it, as a prepared class machine's.
     */
    @Test
    void labTestProvesEveryStepFromAnsibleOnFromBothSides() {
        Result r = lab("test", "kubespray", "--from", "ansible");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("✓ deploy · before  "), r.out());
        assertTrue(r.out().contains("✓ deploy · after  "), r.out());
        assertTrue(r.out().contains("✓ teardown · after  "), r.out());
        assertTrue(r.out().contains("lab test kubespray: passed"), r.out());
    }
}
