package io.kubelab.checks.onhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.testing.FakeTools;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host checks on this machine, each passing and failing with the exact value it observed.
 * Tools that cannot run here (systemctl, journalctl, crictl, etcdctl, kubeadm) are test fixtures
 * printing what the real ones print.
 */
class MoreHostChecksTest {
    @TempDir
    Path dir;
    FakeTools tools;

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(dir);
    }

    private CheckResult run(Check check) {
        return check.run(new CheckContext(tools.host(), ClusterAccess.none(), Duration.ofSeconds(10)));
    }

    @Test
    void fileWithModeOwnerAndContent() throws Exception {
        Path f = Files.writeString(dir.resolve("admin.conf"), "apiVersion: v1\nkind: Config\n");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String owner = Files.getOwner(f).getName();
        CheckResult ok = run(FileCheck.from(Params.of("path", f.toString(), "mode", "0600", "owner", owner,
                "content", "^kind: Config$")));
        assertEquals(Status.PASS, ok.status(), ok.toString());
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CheckResult bad = run(FileCheck.from(Params.of("path", f.toString(), "mode", "0600", "content", "clusters:")));
        assertEquals(Status.FAIL, bad.status());
        assertTrue(bad.observed().startsWith(f + ": mode 644, owner " + owner + ":"), bad.observed());
        assertTrue(bad.observed().endsWith("regular file; its content does not match"), bad.observed());
        assertTrue(bad.hint().startsWith("chmod 600 " + f), bad.hint());
        CheckResult missing = run(FileCheck.from(Params.of("path", dir.resolve("nope").toString())));
        assertEquals(dir.resolve("nope") + " does not exist", missing.observed());
    }

    @Test
    void systemdUnitActiveOrItsLastLogLines() throws Exception {
        tools.script("systemctl", """
                case "$1 $2" in
                  "is-active kubelet") echo active ;;
                  "is-enabled kubelet") echo enabled ;;
                  "is-active containerd") echo failed; exit 3 ;;
                  "is-enabled containerd") echo enabled ;;
                  "show kubelet") printf 'Result=success\\nExecMainStatus=0\\nNRestarts=0\\n' ;;
                  "show containerd") printf 'Result=exit-code\\nExecMainStatus=1\\nNRestarts=5\\n' ;;
                esac""");
        tools.script("journalctl", "echo 'containerd: failed to load plugin: invalid config version 3'");
        CheckResult ok = run(SystemdUnitCheck.from(Params.of("unit", "kubelet")));
        assertEquals(Status.PASS, ok.status(), ok.toString());
        assertEquals("kubelet: active, enabled", ok.observed());
        CheckResult bad = run(SystemdUnitCheck.from(Params.of("unit", "containerd")));
        assertEquals(Status.FAIL, bad.status());
        assertEquals("containerd: failed, enabled (result exit-code, exit 1), restarted 5 times; last log lines:\n"
                + "containerd: failed to load plugin: invalid config version 3", bad.observed());
        assertTrue(bad.hint().startsWith("sudo systemctl start containerd"), bad.hint());
    }

    @Test
    void portsListeningAndFree() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            int port = s.getLocalPort();
            CheckResult listening = run(PortCheck.listening(Params.of("port", port)));
            assertEquals(Status.PASS, listening.status(), listening.toString());
            assertTrue(listening.observed().startsWith("listening: " + port), listening.observed());
            CheckResult free = run(PortCheck.free(Params.of("ports", List.of(String.valueOf(port)))));
            assertEquals(Status.FAIL, free.status());
            assertTrue(free.observed().startsWith("in use: " + port), free.observed());
            assertTrue(free.observed().contains("java"), "the process holding it is named: " + free.observed());
            // Held by the component the lab starts there (here, this JVM): still as good as free.
            CheckResult ours = run(PortCheck.free(Params.of("port", port, "allow", List.of("java"))));
            assertEquals(Status.PASS, ours.status(), ours.toString());
            assertEquals("held by the lab's own component: " + port + " (java)", ours.observed());
            assertEquals(Status.FAIL, run(PortCheck.free(Params.of("port", port, "allow", List.of("etcd")))).status());
            // ss names a process by its first 15 characters: "java" is not cut, so a longer name does not match.
            assertEquals(Status.FAIL, run(PortCheck.free(Params.of("port", port, "allow", List.of("javascript")))).status());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertEquals("free: " + closed, run(PortCheck.free(Params.of("port", closed))).observed());
        assertEquals("nothing listens on " + closed, run(PortCheck.listening(Params.of("port", closed))).observed());
    }

    /** ss names a process by its first 15 characters: kube-controller-manager holds 10257 as "kube-controller". */
    @Test
    void aComponentWhoseNameSsCutsIsStillRecognised() throws Exception {
        tools.script("ss", "echo 'LISTEN 0 4096 *:10257 *:* users:((\"kube-controller\",pid=812,fd=3))'");
        CheckResult ours = run(PortCheck.free(Params.of("port", 10257, "allow", List.of("kube-controller-manager"))));
        assertEquals(Status.PASS, ours.status(), ours.toString());
        assertEquals("held by the lab's own component: 10257 (kube-controller)", ours.observed());
        CheckResult other = run(PortCheck.free(Params.of("port", 10257, "allow", List.of("kube-scheduler"))));
        assertEquals("in use: 10257 (kube-controller)", other.observed());
    }

    @Test
    void aPortReachableFromThisHost() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            CheckResult ok = run(PortReachableCheck.from(Params.of("host", "127.0.0.1", "port", s.getLocalPort())));
            assertEquals(Status.PASS, ok.status(), ok.toString());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CheckResult refused = run(PortReachableCheck.from(Params.of("host", "127.0.0.1", "port", closed)));
        assertEquals(Status.FAIL, refused.status());
        assertEquals("connection refused (nothing listens there)", refused.observed());
    }

    @Test
    void swapOffWarnsWithTheFixByDefault() throws Exception {
        Path none = Files.writeString(dir.resolve("swaps"), "Filename\tType\tSize\tUsed\tPriority\n");
        assertEquals(Status.PASS, run(KernelCheck.SwapOff.from(Params.of("swaps", none.toString()))).status());
        Path some = Files.writeString(dir.resolve("swaps-on"), "Filename\tType\tSize\tUsed\tPriority\n"
                + "/swap.img                               file\t\t2097148\t\t0\t\t-2\n");
        CheckResult warn = run(KernelCheck.SwapOff.from(Params.of("swaps", some.toString())));
        assertEquals(Status.WARN, warn.status());
        assertEquals("swap in use: /swap.img", warn.observed());
        assertTrue(warn.hint().startsWith("sudo swapoff -a"), warn.hint());
        assertEquals(Status.FAIL, run(KernelCheck.SwapOff.from(Params.of("swaps", some.toString(), "fail", true))).status());
    }

    @Test
    void sysctlAndModulesAndCgroups() throws Exception {
        String forward = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
        String other = forward.equals("1") ? "0" : "1";
        assertEquals(Status.PASS, run(KernelCheck.Sysctl.from(Params.of("key", "net.ipv4.ip_forward", "value", forward)))
                .status());
        CheckResult bad = run(KernelCheck.Sysctl.from(Params.of("key", "net.ipv4.ip_forward", "value", other)));
        assertEquals(Status.FAIL, bad.status());
        assertEquals("net.ipv4.ip_forward = " + forward, bad.observed());
        assertTrue(bad.hint().startsWith("sudo sysctl -w net.ipv4.ip_forward=" + other), bad.hint());

        assertEquals(Status.PASS, run(KernelCheck.ModulesLoaded.from(Params.of("modules", List.of("printk")))).status());
        CheckResult missing = run(KernelCheck.ModulesLoaded.from(Params.of("modules", List.of("printk", "no_such_mod"))));
        assertEquals("not loaded: no_such_mod", missing.observed());
        // Built into the kernel: listed in modules.builtin (read with sed), though not loaded as a module.
        tools.script("sed", "echo kubelab_builtin_mod");
        CheckResult builtIn = run(KernelCheck.ModulesLoaded.from(Params.of("modules", List.of("kubelab_builtin_mod"))));
        assertEquals(Status.PASS, builtIn.status(), builtIn.toString());
        assertEquals("loaded or built in: kubelab_builtin_mod", builtIn.observed());

        tools.script("stat", "echo tmpfs");
        CheckResult v1 = run(KernelCheck.CgroupV2.from(Params.of()));
        assertEquals(Status.FAIL, v1.status());
        assertEquals("cgroup v1 (tmpfs with per-controller mounts)", v1.observed());
        tools.script("stat", "echo cgroup2fs");
        assertEquals(Status.PASS, run(KernelCheck.CgroupV2.from(Params.of())).status());
    }

    @Test
    void aContainerRuntimeAnsweringOnItsSocket() throws Exception {
        Path socket = dir.resolve("containerd.sock");
        tools.script("crictl", """
                echo 'Version:  0.1.0'
                echo 'RuntimeName:  containerd'
                echo 'RuntimeVersion:  1.7.22'
                echo 'RuntimeApiVersion:  v1'""");
        CheckResult none = run(ContainerRuntimeCheck.from(Params.of("socket", socket.toString())));
        assertEquals(Status.FAIL, none.status());
        assertEquals("no socket at " + socket, none.observed());
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CheckResult ok = run(ContainerRuntimeCheck.from(Params.of("socket", "unix://" + socket)));
            assertEquals(Status.PASS, ok.status(), ok.toString());
            assertEquals("RuntimeName:  containerd, RuntimeVersion:  1.7.22", ok.observed());
        }
    }

    @Test
    void theSameMinorVersionOnEveryHost() throws Exception {
        FakeTools a = new FakeTools(Files.createDirectories(dir.resolve("a")));
        FakeTools b = new FakeTools(Files.createDirectories(dir.resolve("b")));
        for (FakeTools t : List.of(a, b)) {
            t.script("kubelet", "echo 'Kubernetes v1.31.2'");
            t.script("kubectl", "echo 'Client Version: v1.31.2'; echo 'Kustomize Version: v5.4.2'");
        }
        a.script("kubeadm", "echo v1.31.2");
        b.script("kubeadm", "echo v1.30.6");
        Host ha = a.host();
        Host hb = b.host();
        Check c = SameVersionCheck.from(Params.of("binaries", List.of("kubeadm", "kubelet", "kubectl")));
        CheckResult differ = c.run(new CheckContext(ha, List.of(ha, hb), ClusterAccess.none(), Duration.ofSeconds(10)));
        assertEquals(Status.FAIL, differ.status());
        assertTrue(differ.observed().contains("local kubeadm 1.30.6"), differ.observed());
        b.script("kubeadm", "echo v1.31.0");
        CheckResult same = c.run(new CheckContext(ha, List.of(ha, b.host()), ClusterAccess.none(), Duration.ofSeconds(10)));
        assertEquals(Status.PASS, same.status(), same.toString());
        assertTrue(same.observed().startsWith("all 1.31: "), same.observed());
    }

    /** The same file on every host, compared by SHA-256 on each (two hosts: two folders of this machine). */
    @Test
    void theSameFileOnEveryHost() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("encryption-config.yaml"), "secret: one\n");
        Files.writeString(b.resolve("encryption-config.yaml"), "secret: one\n");
        Host ha = new io.kubelab.checks.host.LocalHost(tools.env(java.util.Map.of()), a);
        Host hb = new io.kubelab.checks.host.LocalHost(tools.env(java.util.Map.of()), b);
        Check c = SameFileCheck.from(Params.of("path", "encryption-config.yaml"));
        CheckResult same = c.run(new CheckContext(ha, List.of(ha, hb), ClusterAccess.none(), Duration.ofSeconds(10)));
        assertEquals(Status.PASS, same.status(), same.toString());
        assertTrue(same.observed().startsWith("local, local sha256 "), same.observed());
        assertTrue(!same.observed().contains("one"), "the content never leaves the host");

        Files.writeString(b.resolve("encryption-config.yaml"), "secret: two\n");
        CheckResult differ = c.run(new CheckContext(ha, List.of(ha, hb), ClusterAccess.none(), Duration.ofSeconds(10)));
        assertEquals(Status.FAIL, differ.status());
        assertEquals(2, differ.observed().split("; ").length, differ.observed());
        Files.delete(b.resolve("encryption-config.yaml"));
        CheckResult gone = c.run(new CheckContext(ha, List.of(ha, hb), ClusterAccess.none(), Duration.ofSeconds(10)));
        assertTrue(gone.observed().endsWith("; missing or unreadable on local"), gone.observed());
    }

    @Test
    void aSecretEncryptedAtRestOrNot() throws Exception {
        tools.script("etcdctl", "printf 'k8s:enc:aescbc:v1:key1:\\x8a\\x1f\\x03binarydata'");
        CheckResult ok = run(SecretEncryptedCheck.from(Params.of("secret", "kubernetes-the-hard-way")));
        assertEquals(Status.PASS, ok.status(), ok.toString());
        assertEquals("value starts with k8s:enc:aescbc:v1:key1:", ok.observed());
        tools.script("etcdctl", "printf 'k8s\\x00\\n\\x0c\\n\\x02v1\\x12\\x06Secret'");
        CheckResult plain = run(SecretEncryptedCheck.from(Params.of("secret", "kubernetes-the-hard-way")));
        assertEquals(Status.FAIL, plain.status());
        assertEquals("value starts with k8s.....v1..Secr (stored in plain protobuf: not encrypted)", plain.observed());
    }
}
