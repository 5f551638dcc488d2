package io.kubelab.labs.nodes.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.labs.nodes.inventory.Inventory;
import io.kubelab.labs.nodes.inventory.InventoryHost;
import io.kubelab.labs.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host checks through the SSH host (embedded server): the same results as on this machine, and "error" when gone. */
class ChecksOverSshTest {
    @TempDir
    Path dir;
    TestSshServer server;
    SshHosts hosts;
    SshHost host;
    CheckRegistry registry = CheckRegistry.standard(Map.of());

    @BeforeEach
    void setUp() throws Exception {
        Path key = dir.resolve("id_ed25519");
        assertEquals(0, new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .start().waitFor());
        server = new TestSshServer(Files.writeString(dir.resolve("authorized_keys"),
                Files.readString(dir.resolve("id_ed25519.pub"))));
        Path known = server.writeKnownHosts(dir.resolve("known_hosts"));
        InventoryHost spec = new InventoryHost("node1", "127.0.0.1", server.port(), System.getProperty("user.name"),
                key, false, null, null, Map.of(), null);
        hosts = new SshHosts(new Inventory(dir, Map.of("node1", spec), Map.of()), new SshSettings(
                new HostKeyPolicy(List.of(known), dir.resolve("lab_known_hosts"), Prompter.NONE, false), Prompter.NONE,
                Duration.ofSeconds(5), Duration.ofSeconds(5), List.of()), new SshStack());
        host = hosts.host(spec);
    }

    @AfterEach
    void tearDown() throws Exception {
        hosts.close();
        server.close();
    }

    private CheckResult run(String kind, Object... params) {
        return registry.find(kind).orElseThrow().create(Params.of(params))
                .run(new CheckContext(host, ClusterAccess.none(), Duration.ofSeconds(10)));
    }

    @Test
    void hostChecksRunOverSsh() throws Exception {
        Path f = Files.writeString(dir.resolve("admin.conf"), "kind: Config\n");
        CheckResult file = run("file", "path", f.toString(), "content", "kind: Config");
        assertEquals(Status.PASS, file.status(), file.toString());
        assertTrue(file.evidence().startsWith("on node1 (" + System.getProperty("user.name") + "@127.0.0.1:"),
                file.evidence());
        assertEquals(Status.PASS, run("kernel-modules", "modules", List.of("printk")).status());
        CheckResult cmd = run("command", "command", "echo hello; exit 4");
        assertEquals("exit status 4: hello", cmd.observed());
        Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        CheckResult cert = run("certificate", "cert", dir.resolve("ca.pem").toString());
        assertEquals(Status.FAIL, cert.status());
        assertTrue(cert.observed().startsWith("no certificate in it"), cert.observed());
    }

    @Test
    void aHostThatIsGoneIsAnErrorNotAFail() throws Exception {
        server.stop();
        CheckResult r = run("sysctl", "key", "net.ipv4.ip_forward", "value", "1");
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.observed().startsWith("node1: cannot connect to "), r.observed());
        assertTrue(r.observed().contains("connection refused"), r.observed());
    }
}
