package io.kubelab.checks.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.host.LocalHost;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chains are judged as `openssl verify -CAfile CA -untrusted CERT CERT` judges them, and
 * kubeconfigs read as kubectl reads them: each case is put to the real tool and to lab's check,
 * and both must agree (and agree with what the case expects).
 */
class AsTheToolsJudgeTest {
    @TempDir
    static Path dir;
    static LocalHost host;
    static final AtomicLong SERIAL = new AtomicLong(10);
    static final Instant NOW = Instant.now();
    static KeyPair rootKey;
    static X509Certificate root;

    @BeforeAll
    static void roots() throws Exception {
        host = new LocalHost(Map.of("PATH", "/usr/bin:/bin"), dir);
        rootKey = ec();
        root = issue("CN=Root CA", rootKey.getPublic(), "CN=Root CA", rootKey.getPrivate(), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(3650)), true, null);
        write("root.pem", root);
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    static X509Certificate issue(String subject, PublicKey pub, String issuer, PrivateKey signer, Instant from,
                                 Instant to, boolean ca, GeneralNames sans) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), new X500Name(subject), pub);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (sans != null) {
            b.addExtension(Extension.subjectAlternativeName, false, sans);
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    static void write(String name, Object... objects) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null).generate() : o);
            }
        }
        Files.writeString(dir.resolve(name), out.toString());
    }

    static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    static CheckResult cert(Object... params) {
        return CertificateCheck.from(Params.of(params)).run(new CheckContext(host, ClusterAccess.none(), Duration.ofSeconds(5)));
    }

    /** Lab's check and openssl on one case; both must give {@code pass}. */
    static void judge(String cert, String ca, boolean pass) throws Exception {
        CheckResult lab = cert("cert", cert, "ca", ca, "warn_days", 0);
        boolean openssl = run("openssl", "verify", "-CAfile", ca, "-untrusted", cert, cert) == 0;
        assertEquals(pass, openssl, "openssl on " + cert + " / " + ca);
        assertEquals(pass ? Status.PASS : Status.FAIL, lab.status(), cert + " / " + ca + ": " + lab);
    }

    @Test
    void aLeafSignedByTheCa() throws Exception {
        KeyPair k = ec();
        write("leaf.pem", issue("CN=leaf", k.getPublic(), "CN=Root CA", rootKey.getPrivate(), NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(300)), false, null));
        judge("leaf.pem", "root.pem", true);
    }

    @Test
    void aCertificateAndItsKeyInOneFileAsTheKubeletWritesThem() throws Exception {
        KeyPair k = ec();
        X509Certificate c = issue("CN=system:node:node-1,O=system:nodes", k.getPublic(), "CN=Root CA",
                rootKey.getPrivate(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(300)), false, null);
        write("kubelet-client-current.pem", c, k.getPrivate());
        judge("kubelet-client-current.pem", "root.pem", true);
        CheckResult withKey = cert("cert", "kubelet-client-current.pem", "key", "kubelet-client-current.pem",
                "cn", "system:node:node-1");
        assertEquals(Status.PASS, withKey.status(), withKey.toString());
    }

    @Test
    void aCaFileHoldingTwoCas() throws Exception {
        KeyPair other = ec();
        X509Certificate otherCa = issue("CN=Other CA", other.getPublic(), "CN=Other CA", other.getPrivate(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3650)), true, null);
        write("bundle.pem", otherCa, root);
        KeyPair k = ec();
        write("in-bundle.pem", issue("CN=leaf", k.getPublic(), "CN=Root CA", rootKey.getPrivate(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(300)), false, null));
        judge("in-bundle.pem", "bundle.pem", true);
        write("other-only.pem", otherCa);
        judge("in-bundle.pem", "other-only.pem", false);
    }

    @Test
    void aLeafWithItsIntermediate() throws Exception {
        KeyPair mid = ec();
        X509Certificate intermediate = issue("CN=Intermediate", mid.getPublic(), "CN=Root CA", rootKey.getPrivate(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1000)), true, null);
        KeyPair k = ec();
        X509Certificate leaf = issue("CN=etcd", k.getPublic(), "CN=Intermediate", mid.getPrivate(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(300)), false, null);
        write("chain.pem", leaf, intermediate);
        judge("chain.pem", "root.pem", true);
        write("leaf-alone.pem", leaf);
        judge("leaf-alone.pem", "root.pem", false);

        X509Certificate oldIntermediate = issue("CN=Intermediate", mid.getPublic(), "CN=Root CA", rootKey.getPrivate(),
                NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)), true, null);
        write("expired-intermediate.pem", leaf, oldIntermediate);
        judge("expired-intermediate.pem", "root.pem", false);
    }

    @Test
    void aCaThatHasExpiredFailsItsLeaves() throws Exception {
        KeyPair oldKey = ec();
        X509Certificate oldCa = issue("CN=Old CA", oldKey.getPublic(), "CN=Old CA", oldKey.getPrivate(),
                NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)), true, null);
        write("old-ca.pem", oldCa);
        KeyPair k = ec();
        write("under-old.pem", issue("CN=leaf", k.getPublic(), "CN=Old CA", oldKey.getPrivate(),
                NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(100)), false, null));
        judge("under-old.pem", "old-ca.pem", false);
        assertTrue(cert("cert", "under-old.pem", "ca", "old-ca.pem").observed().contains("its CA CN=Old CA expired on"));
    }

    @Test
    void aLeafNotYetValid() throws Exception {
        KeyPair k = ec();
        write("future.pem", issue("CN=leaf", k.getPublic(), "CN=Root CA", rootKey.getPrivate(),
                NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(300)), false, null));
        judge("future.pem", "root.pem", false);
    }

    @Test
    void sansAreComparedByValue() throws Exception {
        KeyPair k = ec();
        GeneralNames sans = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "::1"),
            new GeneralName(GeneralName.dNSName, "Node-0.Example.COM"), new GeneralName(GeneralName.iPAddress, "10.0.0.1")});
        write("sans.pem", issue("CN=kube-apiserver", k.getPublic(), "CN=Root CA", rootKey.getPrivate(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(300)), false, sans));
        assertEquals(Status.PASS, cert("cert", "sans.pem", "ips", List.of("0:0:0:0:0:0:0:1", "10.0.0.1"),
                "dns", List.of("node-0.example.com")).status());
        assertEquals(Status.PASS, cert("cert", "sans.pem", "ips", List.of("::1")).status());
        // openssl's own host and IP matching agrees.
        assertEquals(0, run("openssl", "verify", "-CAfile", "root.pem", "-verify_ip", "0:0:0:0:0:0:0:1", "sans.pem"));
        assertEquals(0, run("openssl", "verify", "-CAfile", "root.pem", "-verify_hostname", "node-0.example.com",
                "sans.pem"));
        CheckResult wrong = cert("cert", "sans.pem", "ips", List.of("::2"));
        assertEquals(Status.FAIL, wrong.status());
        assertTrue(wrong.observed().contains("no SAN IP:::2"), wrong.observed());
    }

    /** Kubeconfigs as kubectl reads them: file references beside the kubeconfig, base64 wrapped in lines. */
    @Test
    void kubeconfigsAsKubectlReadsThem() throws Exception {
        KeyPair k = ec();
        X509Certificate admin = issue("CN=admin,O=system:masters", k.getPublic(), "CN=Root CA", rootKey.getPrivate(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(300)), false, null);
        Path kc = Files.createDirectories(dir.resolve("kc"));
        write("kc/admin.pem", admin);
        write("kc/admin-key.pem", k.getPrivate());
        Files.copy(dir.resolve("root.pem"), kc.resolve("ca.pem"));
        Files.writeString(kc.resolve("by-file.kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: lab
                  cluster: {server: "https://10.0.0.1:6443", certificate-authority: ca.pem}
                users:
                - name: admin
                  user: {client-certificate: admin.pem, client-key: admin-key.pem}
                contexts:
                - name: admin@lab
                  context: {cluster: lab, user: admin}
                current-context: admin@lab
                """);
        String caData = wrapped(Files.readAllBytes(kc.resolve("ca.pem")));
        String certData = wrapped(Files.readAllBytes(kc.resolve("admin.pem")));
        Files.writeString(kc.resolve("wrapped.kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: lab
                  cluster:
                    server: https://10.0.0.1:6443
                    certificate-authority-data: |
                %s
                users:
                - name: admin
                  user:
                    client-certificate-data: |
                %s
                    client-key-data: %s
                contexts:
                - name: admin@lab
                  context: {cluster: lab, user: admin}
                current-context: admin@lab
                """.formatted(indent(caData, 6), indent(certData, 6),
                Base64.getEncoder().encodeToString(Files.readAllBytes(kc.resolve("admin-key.pem")))));
        for (String file : List.of("kc/by-file.kubeconfig", "kc/wrapped.kubeconfig")) {
            assertEquals(0, run("kubectl", "--kubeconfig", file, "config", "view", "--raw", "--flatten"),
                    "kubectl reads " + file);
            CheckResult r = KubeconfigCheck.from(Params.of("path", file, "server", "https://10.0.0.1:6443", "ca",
                    "root.pem", "cn", "admin", "o", List.of("system:masters")))
                    .run(new CheckContext(host, ClusterAccess.none(), Duration.ofSeconds(5)));
            assertEquals(Status.PASS, r.status(), file + ": " + r);
        }
        // Base64 that is not base64: kubectl refuses it, and so does the check.
        Files.writeString(kc.resolve("broken.kubeconfig"), Files.readString(kc.resolve("wrapped.kubeconfig"))
                .replaceFirst("client-key-data: ", "client-key-data: zz=="));
        assertTrue(run("kubectl", "--kubeconfig", "kc/broken.kubeconfig", "config", "view", "--raw", "--flatten") != 0);
        Files.writeString(kc.resolve("broken-cert.kubeconfig"), Files.readString(kc.resolve("wrapped.kubeconfig"))
                .replaceFirst("client-certificate-data: \\|\n", "client-certificate-data: |\n      zz==\n"));
        assertTrue(run("kubectl", "--kubeconfig", "kc/broken-cert.kubeconfig", "config", "view", "--raw", "--flatten") != 0);
        CheckResult broken = KubeconfigCheck.from(Params.of("path", "kc/broken-cert.kubeconfig", "cn", "admin"))
                .run(new CheckContext(host, ClusterAccess.none(), Duration.ofSeconds(5)));
        assertEquals(Status.FAIL, broken.status(), broken.toString());
    }

    private static String wrapped(byte[] bytes) {
        String b64 = Base64.getEncoder().encodeToString(bytes);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < b64.length(); i += 76) {
            lines.add(b64.substring(i, Math.min(b64.length(), i + 76)));
        }
        return String.join("\n", lines);
    }

    private static String indent(String text, int spaces) {
        return text.lines().map(l -> " ".repeat(spaces) + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
