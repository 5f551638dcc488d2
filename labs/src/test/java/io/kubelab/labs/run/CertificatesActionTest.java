package io.kubelab.labs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.Status;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.nodes.NodeFactory;
import io.kubelab.labs.nodes.NodeSettings;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.state.StepState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificates action in a lab: one certificate per worker of the inventory, the API server's
 * SANs from the control-plane nodes and the first address of the service range, all judged by
 * openssl and by lab's own certificate check; and making them again keeps them, unless a variable
 * they are made from changed. The nodes are never contacted: certificates are made here.
 */
class CertificatesActionTest {
    @TempDir
    Path dir;
    RecordingListener events;

    static final String LAB = """
            format: 1
            id: pki
            title: {en: PKI, zh-CN: PKI}
            variables:
              service_cidr: {default: 10.32.0.0/24}
            steps:
              - id: certificates
                title: {en: Certificates, zh-CN: 证书}
                actions:
                  - certificates: pki
                    algorithm: ecdsa-p256
                    issue:
                      - {name: admin, cn: admin, o: [system:masters]}
                      - name: "{{host.name}}"
                        for_each: kube_node
                        cn: "system:node:{{host.name}}"
                        o: [system:nodes]
                        sans: ["{{host.name}}", "{{host.address}}", 127.0.0.1]
                        usages: [client, server]
                      - name: kube-api-server
                        cn: kubernetes
                        sans: [127.0.0.1, kubernetes, kubernetes.default]
                        sans_of: [kube_control_plane]
                        service_range: "{{service_cidr}}"
                        usages: [client, server]
                checks:
                  - id: api-sans
                    kind: certificate
                    with:
                      cert: "{{lab.workdir}}/pki/kube-api-server.crt"
                      ca: "{{lab.workdir}}/pki/ca.crt"
                      key: "{{lab.workdir}}/pki/kube-api-server.key"
                      ips: [10.32.0.1, 192.0.2.10]
                      dns: [kubernetes, server]
                  - id: worker
                    kind: certificate
                    with:
                      cert: "{{lab.workdir}}/pki/worker-2.crt"
                      ca: "{{lab.workdir}}/pki/ca.crt"
                      cn: "system:node:worker-2"
                      o: [system:nodes]
                      ips: [192.0.2.22]
            """;

    private LabSession session(Map<String, String> given) throws Exception {
        return session(given, "en");
    }

    private LabSession session(Map<String, String> given, String language) throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("pki"));
        Files.writeString(labDir.resolve("lab.yaml"), LAB);
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir));
        assertFalse(r.hasErrors(), r.problems().toString());
        Lab lab = r.lab().orElseThrow();
        // Addresses from TEST-NET: nothing answers there, and nothing needs to.
        Path inventory = dir.resolve("hosts.yaml");
        Files.writeString(inventory, """
                all:
                  hosts:
                    server: {ansible_host: 192.0.2.10}
                    worker-1: {ansible_host: 192.0.2.21}
                    worker-2: {ansible_host: 192.0.2.22}
                  children:
                    kube_control_plane: {hosts: {server: {}}}
                    kube_node: {hosts: {worker-1: {}, worker-2: {}}}
                """);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString());
        Nodes nodes = new NodeFactory(new NodeSettings(env, dir, dir.resolve("state"), Prompter.NONE))
                .open(Optional.of(inventory), false);
        events = new RecordingListener();
        return new LabSession(lab, new SessionConfig(dir.resolve("state"), env, language, given, Prompter.NONE,
                events, CheckRegistry.standard(env), null), nodes);
    }

    private static String openssl(Path in, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void oneCertificatePerWorkerAndTheApiServerNamesWhatReachesIt() throws Exception {
        Path pki;
        try (LabSession s = session(Map.of())) {
            StepOutcome o = s.run(s.step("certificates"), RunOptions.defaults());
            assertEquals(StepState.DONE, o.state(), o.problem());
            o.checks().forEach(c -> assertEquals(Status.PASS, c.result().status(), c.result().toString()));
            pki = s.workFolder().resolve("pki");
        }
        for (String name : List.of("admin", "worker-1", "worker-2", "kube-api-server")) {
            assertEquals(name + ".crt: OK", openssl(pki, "verify", "-CAfile", "ca.crt", name + ".crt"));
        }
        assertTrue(openssl(pki, "x509", "-in", "worker-1.crt", "-noout", "-ext", "subjectAltName")
                .contains("DNS:worker-1, IP Address:192.0.2.21, IP Address:127.0.0.1"));
        String api = openssl(pki, "x509", "-in", "kube-api-server.crt", "-noout", "-ext", "subjectAltName");
        assertTrue(api.contains("DNS:kubernetes, DNS:kubernetes.default, DNS:server, IP Address:127.0.0.1, "
                + "IP Address:192.0.2.10, IP Address:10.32.0.1"), api);

        // Again: everything kept. With another service range: the API server's certificate alone is made again.
        try (LabSession s = session(Map.of())) {
            s.run(s.step("certificates"), RunOptions.defaults());
            assertFalse(events.all().contains("made"), events.all());
        }
        byte[] admin = Files.readAllBytes(pki.resolve("admin.crt"));
        try (LabSession s = session(Map.of("service_cidr", "10.96.0.0/12"))) {
            StepOutcome o = s.run(s.step("certificates"), RunOptions.defaults());
            assertEquals(StepState.FAILED, o.state(), "the check still asks for 10.32.0.1");
            String said = events.all();
            assertTrue(said.contains("re-made  kube-api-server  CN=kubernetes  (SANs +IP:10.96.0.1, -IP:10.32.0.1)"), said);
            assertTrue(said.contains("kept     admin"), said);
        }
        // The table in the learner's language: the words and the reason (a Chinese character is two columns wide).
        try (LabSession s = session(Map.of("service_cidr", "10.32.0.0/24"), "zh-CN")) {
            s.run(s.step("certificates"), RunOptions.defaults());
            String said = events.all();
            assertTrue(said.contains("重新生成 kube-api-server  CN=kubernetes  (SAN 变化：+IP:10.32.0.1, -IP:10.96.0.1)"), said);
            assertTrue(said.contains("保留     admin"), said);
            assertTrue(said.contains("有效期至 "), said);
        }
        assertTrue(java.util.Arrays.equals(admin, Files.readAllBytes(pki.resolve("admin.crt"))));
    }

    /** What `lab validate` says of a certificates action written wrong: one line each, at its place. */
    @Test
    void writtenWrongItIsRefusedWithWhatToDo() throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(labDir.resolve("lab.yaml"), """
                format: 1
                id: bad
                title: {en: Bad, zh-CN: 坏}
                steps:
                  - id: certificates
                    title: {en: Certificates, zh-CN: 证书}
                    actions:
                      - certificates: /etc/kubernetes/pki
                        algorithm: dsa-1024
                        on: node-1
                        issue:
                          - {name: "{{lab.id}}-node", for_each: kube_node, cn: "system:node:{{host.name}}"}
                          - {name: ../admin, cn: admin, usages: [client, peer]}
                          - {name: ca, cn: mine}
                """);
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir));
        String problems = r.problems().toString();
        for (String expected : List.of(
                "8:23: error: a file lab writes on this machine goes in the lab's work folder: write it relative",
                "9:20: error: algorithm 'dsa-1024': lab makes rsa-4096, rsa-2048, ecdsa-p256",
                "10:13: error: certificates are made on this machine (on: local)",
                "with for_each each node needs its own file: use {{host.name}} in name",
                "'../admin' cannot name a certificate: use letters, digits, '.', '_' and '-' (and not ca, the CA's own)",
                "usage 'peer': a certificate is for client, server, or both",
                "'ca' cannot name a certificate")) {
            assertTrue(problems.contains(expected), expected + " in " + problems);
        }
    }

    /** Certificates for each node of a group need the inventory: said once, before anything runs. */
    @Test
    void withoutAnInventoryItIsSaidOnceBeforeAnythingRuns() throws Exception {
        Path labDir = Files.createDirectories(dir.resolve("pki"));
        Files.writeString(labDir.resolve("lab.yaml"), LAB);
        Lab lab = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard())
                .load(new DirectoryLabFiles(labDir)).lab().orElseThrow();
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString());
        try (LabSession s = new LabSession(lab, new SessionConfig(dir.resolve("state"), env, "en", Map.of(), Prompter.NONE,
                new RecordingListener(), CheckRegistry.standard(env), null),
                Nodes.localOnly(new io.kubelab.labs.nodes.LocalNode(new io.kubelab.checks.host.LocalHost(env, dir))))) {
            io.kubelab.labs.LabException e = org.junit.jupiter.api.Assertions.assertThrows(io.kubelab.labs.LabException.class,
                    () -> s.requireInventoryFor(List.of(s.step("certificates"))));
            assertTrue(e.getMessage().contains("works on your nodes: give them with --inventory FILE"), e.getMessage());
            assertFalse(Files.exists(s.workFolder().resolve("pki")), "nothing was made");
        }
    }
}
