package io.kubelab.shell.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.shell.ShellRun;
import io.kubelab.shell.ShellRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hard way for real, on five practice machines (three control-plane nodes, two workers): lab's
 * certificates, kubeconfigs and encryption configuration; a three-member etcd cluster run by real
 * systemd from the unit the lab wrote, talking TLS with lab's certificates; and the control plane's
 * units, run by systemd with the lab's flags. The etcd is Debian's (3.4; no newer one can be
 * downloaded here), packed as the pinned release's tarball is laid out. kube-apiserver,
 * kube-controller-manager and kube-scheduler are a test fixture that refuses flags and files as the
 * real ones do (standin.py); its API server writes Secrets into the real etcd, encrypted with the
 * lab's key as the real one does, but runs no pod: a Deployment counts as available, and a Service
 * gets endpoints, once a Ready node exists. The other downloads are Debian's packages (containerd,
 * runc, CNI plugins) or stand-ins the lab only verifies.
 * Their SHA-256 is given with --set, as a classroom mirror would.
 */
@Tag("e2e")
class HardWayOnMachinesEndToEndTest {
    private static final Path STATE = Path.of(System.getenv().getOrDefault("KUBELAB_E2E", "/var/lib/kubelab-e2e"),
            "machines-state");
    private static final List<String> CONTROL_PLANE = List.of("10.79.0.11", "10.79.0.12", "10.79.0.13");
    /** The smoke test's checks that need a running pod: no pod runs on these machines. */
    private static final List<String> NEED_A_POD = List.of("port-forward", "logs-and-exec", "nodeport");
    private static final Path DOWNLOADS = STATE.resolve("work/the-hard-way/downloads/amd64");

    @TempDir
    Path home;
    Path inventory = STATE.resolve("machines/inventory.yaml");
    List<String> sets = new ArrayList<>();
    com.sun.net.httpserver.HttpServer mirror;

    private Result lab(String... args) {
        List<String> all = new ArrayList<>(List.of("--state-dir", STATE.toString()));
        all.addAll(List.of(args));
        return new ShellRun(home).env("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .env("USER", "root").run(all.toArray(new String[0]));
    }

    private Result run(String step) {
        List<String> args = new ArrayList<>(List.of("run", "the-hard-way", step, "--inventory", inventory.toString()));
        args.addAll(sets);
        return lab(args.toArray(new String[0]));
    }

    private static String sh(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), command + ": " + out);
        return out;
    }

    /** A command on a machine over ssh, with lab's key and the host key lab recorded; its output and status. */
    private static String on(String address, String command) throws Exception {
        Process p = new ProcessBuilder("ssh", "-i", STATE.resolve("machines/id_ed25519").toString(), "-o",
                "UserKnownHostsFile=" + STATE.resolve("known_hosts"), "-o", "StrictHostKeyChecking=yes", "-o",
                "BatchMode=yes", "root@" + address, command + "; echo \"exit=$?\"").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    /** lab's own checks on their own: a one-step lab made here with these checks, checked; its results (-o json). */
    private JsonNode checked(String id, List<String> checks, String... args) throws Exception {
        Path folder = Files.createDirectories(home.resolve(id));
        StringBuilder yaml = new StringBuilder("format: 1\nid: " + id + "\ntitle: {en: " + id + ", zh-CN: " + id
                + "}\nsteps:\n  - id: only\n    title: {en: Checks, zh-CN: 检查}\n    checks:\n");
        checks.forEach(c -> yaml.append("      - ").append(c).append('\n'));
        Files.writeString(folder.resolve("lab.yaml"), yaml);
        List<String> all = new ArrayList<>(List.of("check", folder.toString(), "-o", "json"));
        all.addAll(List.of(args));
        Result r = lab(all.toArray(new String[0]));
        return JsonMapper.builder().build().readTree(r.out()).get("results");
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @BeforeEach
    void machines() throws Exception {
        lab("machines", "down");
        lab("reset", "the-hard-way", "--all", "--yes");
        sh("rm -rf " + STATE.resolve("work/the-hard-way"));
        Result up = BootReport.logged(lab("machines", "up", "5", "--control-planes", "3"));
        assertEquals(0, up.exit(), up.toString());

        // The downloads folder as a classroom fills it beforehand: lab then downloads nothing and checks each file.
        Files.createDirectories(DOWNLOADS);
        // The Kubernetes components: the stand-in that checks its flags and files as the real ones do (test fixture).
        String standIn = Files.readString(Path.of("src/test/resources/fixtures/the-hard-way/standin.py"));
        for (String b : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
            Files.writeString(DOWNLOADS.resolve(b), standIn);
            Files.writeString(DOWNLOADS.resolve(b + ".sha256"), sha256(DOWNLOADS.resolve(b)));
        }
        Files.writeString(DOWNLOADS.resolve("kubelet"), standIn);
        sets.addAll(List.of("--set", "kubelet_sha256_amd64=" + sha256(DOWNLOADS.resolve("kubelet"))));
        standIn("kubectl", "kubectl_sha256_amd64");
        // Debian's etcd, containerd, runc and CNI plugins, which e2e/run.sh fetches into $KUBELAB_E2E/debs,
        // packed as the pinned releases lay their files out.
        Path debs = STATE.getParent().resolve("debs");
        Path x = Files.createDirectories(home.resolve("debs"));
        sh("cd " + x + " && for d in " + debs + "/*.deb; do dpkg-deb -x $d root; done"
                + " && mkdir -p etcd-v3.6.14-linux-amd64 containerd/bin cni crictl"
                + " && cp root/usr/bin/etcd root/usr/bin/etcdctl etcd-v3.6.14-linux-amd64/"
                + " && tar -czf " + DOWNLOADS.resolve("etcd-v3.6.14-linux-amd64.tar.gz") + " etcd-v3.6.14-linux-amd64"
                + " && cp root/usr/bin/containerd root/usr/bin/containerd-shim-runc-v2 root/usr/bin/ctr containerd/bin/"
                + " && tar -czf " + DOWNLOADS.resolve("containerd-2.3.4-linux-amd64.tar.gz") + " -C containerd bin"
                + " && cp root/usr/sbin/runc " + DOWNLOADS.resolve("runc.amd64")
                + " && cp root/usr/lib/cni/* cni/ && tar -czf " + DOWNLOADS.resolve("cni-plugins-linux-amd64-v1.9.1.tgz")
                + " -C cni . && cp " + Path.of("src/test/resources/fixtures/the-hard-way/crictl").toAbsolutePath() + " crictl/"
                + " && tar -czf " + DOWNLOADS.resolve("crictl-v1.36.0-linux-amd64.tar.gz") + " -C crictl crictl");
        // crictl comes from a classroom mirror instead: lab downloads it from there and checks it as any other.
        Path served = Files.createDirectories(home.resolve("mirror"));
        mirror = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        mirror.createContext("/k8s/", exchange -> {
            Path file = served.resolve(exchange.getRequestURI().getPath().substring("/k8s/".length()));
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        mirror.start();
        sets.addAll(List.of("--set", "mirror=http://127.0.0.1:" + mirror.getAddress().getPort() + "/k8s"));
        for (String[] f : List.of(new String[] {"etcd-v3.6.14-linux-amd64.tar.gz", "etcd_sha256_amd64"},
                new String[] {"containerd-2.3.4-linux-amd64.tar.gz", "containerd_sha256_amd64"},
                new String[] {"runc.amd64", "runc_sha256_amd64"}, new String[] {"cni-plugins-linux-amd64-v1.9.1.tgz", "cni_sha256_amd64"},
                new String[] {"crictl-v1.36.0-linux-amd64.tar.gz", "crictl_sha256_amd64"})) {
            sets.addAll(List.of("--set", f[1] + "=" + sha256(DOWNLOADS.resolve(f[0]))));
        }
        Files.move(DOWNLOADS.resolve("crictl-v1.36.0-linux-amd64.tar.gz"), served.resolve("crictl-v1.36.0-linux-amd64.tar.gz"));
    }

    private void standIn(String file, String variable) throws Exception {
        Files.writeString(DOWNLOADS.resolve(file), "stand-in " + file + "\n");
        sets.addAll(List.of("--set", variable + "=" + sha256(DOWNLOADS.resolve(file))));
    }

    @AfterEach
    void down() {
        if (mirror != null) {
            mirror.stop(0);
        }
        lab("machines", "down");
    }

    @Test
    void certificatesKubeconfigsAndAThreeMemberEtcdOverTls() throws Exception {
        for (String step : List.of("prerequisites", "binaries", "certificates", "kubeconfigs", "encryption", "etcd",
                "control-plane", "workers", "routes", "dns")) {
            if (step.equals("routes")) {
                // Before the step, its check fails on every machine, naming the pod ranges it cannot route.
                Result before = lab("check", "the-hard-way", "routes", "--inventory", inventory.toString());
                assertEquals(1, before.exit(), before.toString());
                assertTrue(before.out().contains("routes missing: 10.200.1.1(not via 10.79.0.15)"), before.out());
            }
            Result r = run(step);
            assertEquals(0, r.exit(), step + ": " + r);
            if (step.equals("binaries")) {
                assertTrue(r.out().contains("downloading http://127.0.0.1:" + mirror.getAddress().getPort()
                        + "/k8s/crictl-v1.36.0-linux-amd64.tar.gz"), r.out());
            }
        }
        // The smoke test's port-forward, logs, exec and NodePort need a pod that answers, and no pod runs here:
        // those checks fail, saying so; the rest of the step passes.
        Result smoke = run("smoke-test");
        assertEquals(1, smoke.exit(), smoke.toString());
        assertTrue(smoke.out().contains("http://10.79.0.14:") && smoke.out().contains("answered nothing (no connection)"),
                smoke.out());
        assertTrue(smoke.err().contains("3 checks did not pass: port-forward, logs-and-exec, nodeport"), smoke.toString());
        Path pki = STATE.resolve("work/the-hard-way/pki");
        // One certificate per worker, and etcd's per control-plane node, as openssl judges them.
        assertEquals("node-4.crt: OK", sh("cd " + pki + " && openssl verify -CAfile ca.crt node-4.crt"));
        assertTrue(sh("openssl x509 -in " + pki.resolve("kube-api-server.crt") + " -noout -ext subjectAltName")
                .contains("IP Address:10.79.0.11, IP Address:10.79.0.12, IP Address:10.79.0.13, IP Address:10.32.0.1"));
        assertTrue(sh("KUBECONFIG=" + pki.resolve("node-4.kubeconfig") + " kubectl config view --raw -o "
                + "jsonpath='{.clusters[0].cluster.server} {.users[0].name}'").equals("https://10.79.0.11:6443 system:node:node-4"));

        // Three members, healthy over TLS, as etcd itself says; and the unit passes systemd's own verification.
        String health = on(CONTROL_PLANE.get(0), "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert="
                + "/etc/etcd/ca.crt --cert=/etc/etcd/etcd.crt --key=/etc/etcd/etcd.key endpoint health --cluster 2>&1");
        assertEquals(3, health.lines().filter(l -> l.contains("is healthy")).count(), health);
        for (String m : CONTROL_PLANE) {
            for (String unit : List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
                String verify = on(m, "systemd-analyze verify /etc/systemd/system/" + unit + ".service 2>&1");
                assertTrue(verify.endsWith("exit=0"), m + " " + unit + ": " + verify);
            }
            assertEquals("600\nexit=0", on(m, "stat -c %a /var/lib/kubernetes/encryption-config.yaml /etc/etcd/etcd.key"
                    + " | sort -u"), m);
        }
        workersAndRoutes();

        // A client certificate from another CA is refused by etcd itself.
        Path other = Files.createDirectories(home.resolve("other"));
        sh("cd " + other + " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key "
                + "-out ca.crt -subj /CN=other-ca -days 1 2>/dev/null && openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256"
                + " -nodes -keyout c.key -out c.csr -subj /CN=intruder 2>/dev/null && openssl x509 -req -in c.csr -CA ca.crt"
                + " -CAkey ca.key -CAcreateserial -out c.crt -days 1 2>/dev/null");
        on(CONTROL_PLANE.get(0), "mkdir -p /tmp/other && printf '%s' '" + Files.readString(other.resolve("c.crt"))
                + "' > /tmp/other/c.crt && printf '%s' '" + Files.readString(other.resolve("c.key")) + "' > /tmp/other/c.key");
        String refused = on(CONTROL_PLANE.get(0), "ETCDCTL_API=3 timeout 20 etcdctl --endpoints=https://127.0.0.1:2379 "
                + "--cacert=/etc/etcd/ca.crt --cert=/tmp/other/c.crt --key=/tmp/other/c.key --command-timeout=3s get x 2>&1");
        assertFalse(refused.endsWith("exit=0"), refused);
        assertTrue(on(CONTROL_PLANE.get(0), "journalctl -u etcd --no-pager | grep -c 'rejected connection'")
                .matches("(?s)[1-9][0-9]*\\nexit=0"), "etcd logs the refusal");

        // The secret-encrypted check against this real etcd: one value as the API server writes it with aescbc and
        // the lab's key (its prefix, an IV, AES-256-CBC), and one as it writes it without encryption.
        String etcdctl = "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/etcd/ca.crt "
                + "--cert=/etc/etcd/etcd.crt --key=/etc/etcd/etcd.key";
        assertTrue(on(CONTROL_PLANE.get(0), "set -e; k=$(sed -n 's/.*secret: \"\\(.*\\)\"}/\\1/p' "
                + "/var/lib/kubernetes/encryption-config.yaml | base64 -d | od -An -tx1 | tr -d ' \\n'); iv=$(openssl rand "
                + "-hex 16); { printf 'k8s:enc:aescbc:v1:key1:'; printf \"$(echo $iv | sed 's/../\\\\x&/g')\"; printf "
                + "'k8s\\0\\n\\014\\n\\002v1\\022\\006Secret' | openssl enc -aes-256-cbc -K $k -iv $iv; } | " + etcdctl
                + " put /registry/secrets/default/sealed >/dev/null; printf 'k8s\\0\\n\\014\\n\\002v1\\022\\006Secret' | "
                + etcdctl + " put /registry/secrets/default/plain").endsWith("OK\nexit=0"));
        String flags = "--endpoints=https://127.0.0.1:2379 --cacert=/etc/etcd/ca.crt --cert=/etc/etcd/etcd.crt "
                + "--key=/etc/etcd/etcd.key";
        JsonNode secrets = checked("encrypted", List.of(
                "{id: sealed, kind: secret-encrypted, on: node-1, with: {secret: sealed, etcdctl_flags: \"" + flags + "\"}}",
                "{id: plain, kind: secret-encrypted, on: node-1, with: {secret: plain, etcdctl_flags: \"" + flags + "\"}}"),
                "--inventory", inventory.toString());
        assertEquals("pass", secrets.get(0).get("status").asString(), secrets.toString());
        // The readable start of the value: the prefix, then the random IV (whose first bytes may happen to be printable).
        assertTrue(secrets.get(0).get("observed").asString().startsWith("value starts with k8s:enc:aescbc:v1:key1:"),
                secrets.toString());
        assertEquals("fail", secrets.get(1).get("status").asString(), secrets.toString());
        assertTrue(secrets.get(1).get("observed").asString().endsWith("(stored in plain protobuf: not encrypted)"),
                secrets.toString());

        apiServerCertificateAndKubeconfigs(pki, other);

        // The key never reached the screen or lab's files here; the nodes have it.
        String key = on(CONTROL_PLANE.get(1), "sed -n 's/.*secret: \"\\(.*\\)\"}/\\1/p' /var/lib/kubernetes/encryption-config.yaml")
                .replace("\nexit=0", "");
        assertEquals(44, key.length(), key);
        assertEquals(key + "\nexit=0", on(CONTROL_PLANE.get(2), "sed -n 's/.*secret: \"\\(.*\\)\"}/\\1/p' "
                + "/var/lib/kubernetes/encryption-config.yaml"), "one key for every API server");
        try (Stream<Path> files = Files.walk(STATE)) {
            List<Path> holding = files.filter(Files::isRegularFile).filter(f -> !f.startsWith(STATE.resolve("machines")))
                    .filter(f -> {
                        try {
                            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(key);
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }).toList();
            assertEquals(List.of(), holding, "the encryption key in lab's files");
        }

        // Again: every certificate kept, etcd left running.
        Result again = run("certificates");
        assertEquals(0, again.exit(), again.toString());
        assertFalse(again.out().contains("re-made") || again.out().matches("(?s).*\\bmade\\b.*"), again.out());
        assertTrue(again.out().contains("kept     kube-api-server"), again.out());

        Result answer = lab("answer", "the-hard-way", "b");
        assertEquals(0, answer.exit(), answer.toString());
        Result check = lab("check", "the-hard-way", "-o", "json");
        JsonNode results = JsonMapper.builder().build().readTree(check.out()).get("results");
        List<String> notPassing = new ArrayList<>();
        results.forEach(r -> {
            if (!r.get("status").asString().equals("pass") && !r.get("step").asString().equals("teardown")
                    && !NEED_A_POD.contains(r.get("check").asString())) {
                notPassing.add(r.toString());
            }
        });
        assertEquals(List.of(), notPassing, check.out());

        Result teardown = lab("run", "the-hard-way", "teardown", "--yes");
        assertEquals(0, teardown.exit(), teardown.toString());
        assertEquals("absent\nexit=0", on(CONTROL_PLANE.get(0), "systemctl is-active etcd kube-apiserver >/dev/null && echo "
                + "running; test -e /var/lib/etcd -o -e /usr/local/bin/kube-apiserver && echo present || echo absent"));
        assertNotEquals("", health);
    }

    /**
     * lab test on the whole lab, on fresh machines: every step's checks fail before it and pass after it, the
     * binaries coming from a classroom mirror into the test's own folder. The smoke test is tested on its own,
     * in the same folder: its checks that need a running pod cannot pass here, and lab test names exactly those.
     */
    @Test
    void labTestProvesTheLabFromBothSides() throws Exception {
        Path served = home.resolve("mirror");
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            for (Path f : files.toList()) {
                Files.move(f, served.resolve(f.getFileName()));
            }
        }
        Path folder = home.resolve("test-state");
        Result upToDns = test("--to", "dns");
        assertEquals(0, upToDns.exit(), upToDns.toString());
        List<String> lines = upToDns.out().lines().toList();
        for (String step : List.of("prerequisites", "binaries", "certificates", "kubeconfigs", "encryption", "etcd",
                "control-plane", "workers", "routes", "dns")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ " + step + " · after  ")), step + ": " + upToDns.out());
        }
        assertTrue(lines.contains("✓ routes · before  5 checks do not pass yet"), upToDns.out());
        assertTrue(Files.isRegularFile(folder.resolve("work/the-hard-way/downloads/amd64/kube-apiserver")),
                "downloaded from the mirror into the test's own folder");
        assertFalse(Files.exists(DOWNLOADS.resolve("kube-apiserver")), "the learner's own downloads untouched");

        Result smoke = test("--from", "smoke-test", "--to", "smoke-test");
        assertEquals(1, smoke.exit(), smoke.toString());
        String after = smoke.out().lines().filter(l -> l.startsWith("✗ smoke-test · after  ")).findFirst().orElseThrow();
        List<String> failed = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:ran: |; )([a-z-]+)(?:@[a-z0-9-]+)? \\(").matcher(after);
        while (m.find()) {
            if (!failed.contains(m.group(1))) {
                failed.add(m.group(1));
            }
        }
        assertEquals(NEED_A_POD, failed, after);

        Result rest = test("--from", "question");
        assertEquals(0, rest.exit(), rest.toString());
        assertTrue(rest.out().lines().toList().contains("✓ teardown · after  5 checks pass"), rest.out());
        assertEquals("absent\nexit=0", on(CONTROL_PLANE.get(0), "test -e /var/lib/etcd -o -e /usr/local/bin/kube-apiserver"
                + " && echo present || echo absent"));
    }

    private Result test(String... range) {
        List<String> args = new ArrayList<>(List.of("test", "the-hard-way", "--in", home.resolve("test-state").toString(),
                "--inventory", inventory.toString()));
        args.addAll(List.of(range));
        args.addAll(sets);
        return lab(args.toArray(new String[0]));
    }

    /**
     * The workers as their units left them: Debian's containerd answering under the lab's unit, the
     * kubelet registered with its own certificate (a node may only write itself), each worker's pods in
     * its own /24, and every machine routing the other worker's /24 through it.
     */
    private void workersAndRoutes() throws Exception {
        List<String> workers = List.of("10.79.0.14", "10.79.0.15");
        for (int i = 0; i < workers.size(); i++) {
            String w = workers.get(i);
            for (String unit : List.of("containerd", "kubelet", "kube-proxy")) {
                String verify = on(w, "systemd-analyze verify /etc/systemd/system/" + unit + ".service 2>&1");
                assertTrue(verify.endsWith("exit=0"), w + " " + unit + ": " + verify);
            }
            assertEquals("active\nexit=0", on(w, "systemctl is-active containerd"));
            assertTrue(on(w, "cat /etc/cni/net.d/10-bridge.conf").contains("\"subnet\": \"10.200." + i + ".0/24\""), w);
            assertTrue(on(w, "grep -A1 clusterDNS: /var/lib/kubelet/kubelet-config.yaml").contains("10.32.0.10"), w);
        }
        String removed = on(workers.get(0), "/usr/local/bin/kubelet --network-plugin=cni 2>&1");
        assertTrue(removed.startsWith("Error: unknown flag: --network-plugin") && removed.endsWith("exit=1"), removed);
        // Pods of node-5 are reached through node-5, from a control-plane node and from the other worker.
        assertTrue(on(CONTROL_PLANE.get(0), "ip route get 10.200.1.7").contains("via 10.79.0.15"));
        assertTrue(on(workers.get(0), "ip route get 10.200.1.7").contains("via 10.79.0.15"));
        assertTrue(on(workers.get(1), "ip route get 10.200.0.7").contains("via 10.79.0.14"));
        // A worker's certificate cannot register another node.
        String other = sh("cd " + STATE.resolve("work/the-hard-way/pki") + " && curl -s --max-time 10 --cacert ca.crt --cert "
                + "node-4.crt --key node-4.key -X POST -H 'Content-Type: application/json' -d "
                + "'{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"node-5\"}}' "
                + "https://" + CONTROL_PLANE.get(0) + ":6443/api/v1/nodes -o /dev/null -w '%{http_code}'");
        assertEquals("403", other);
    }

    /**
     * The API server's certificate and the kubeconfigs, judged by kubectl, curl and lab's own api-health check
     * against the API server the lab's unit runs on node-1: the stand-in (test code: Python's TLS server) started
     * with the unit's own flags — the lab's certificate, only clients of the lab's CA, etcd asked with the
     * API server's certificate.
     */
    private void apiServerCertificateAndKubeconfigs(Path pki, Path other) throws Exception {
        String node = CONTROL_PLANE.get(0);
        // A flag the pinned release does not have is refused, as the real binary refuses it.
        String removed = on(node, "/usr/local/bin/kube-apiserver --insecure-port=8080 2>&1");
        assertTrue(removed.startsWith("Error: unknown flag: --insecure-port") && removed.endsWith("exit=1"), removed);

        // Your admin kubeconfig and a worker's reach it; the certificate holds for every name and address it names.
        String kubectl = "kubectl --kubeconfig " + pki.resolve("admin.kubeconfig") + " get --raw /readyz";
        assertTrue(sh(kubectl).endsWith("readyz check passed"));
        assertTrue(sh("kubectl --kubeconfig " + pki.resolve("node-4.kubeconfig") + " get --raw /readyz")
                .endsWith("readyz check passed"));
        for (String name : List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
                "kubernetes.default.svc.cluster.local", "node-2", "127.0.0.1", "10.32.0.1", "10.79.0.13")) {
            assertTrue(sh(kubectl + " --tls-server-name " + name).endsWith("readyz check passed"), name);
        }
        Process wrongName = new ProcessBuilder("bash", "-c", kubectl + " --tls-server-name not-in-it.example 2>&1")
                .redirectErrorStream(true).start();
        String refusedName = new String(wrongName.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, wrongName.waitFor());
        assertTrue(refusedName.contains("not not-in-it.example"), refusedName);

        // A client certificate from another CA is turned away at the handshake; the lab's admin is let in.
        String curl = "curl -sS --max-time 10 --cacert " + pki.resolve("ca.crt") + " https://" + node + ":6443/readyz";
        assertTrue(sh(curl + " --cert " + pki.resolve("admin.crt") + " --key " + pki.resolve("admin.key"))
                .endsWith("readyz check passed"));
        Process intruder = new ProcessBuilder("bash", "-c", curl + " --cert " + other.resolve("c.crt") + " --key "
                + other.resolve("c.key")).redirectErrorStream(true).start();
        intruder.getInputStream().readAllBytes();
        assertNotEquals(0, intruder.waitFor(), "another CA's client is refused");

        // lab's own check, through fabric8, with the admin kubeconfig.
        JsonNode result = checked("ready", List.of("{id: readyz, kind: api-health, with: {kubeconfig: \""
                + pki.resolve("admin.kubeconfig") + "\"}}")).get(0);
        assertEquals("pass", result.get("status").asString(), result.toString());
        assertEquals("readyz check passed (3 checks ok)", result.get("observed").asString());
    }
}
