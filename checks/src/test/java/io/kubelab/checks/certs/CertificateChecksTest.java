package io.kubelab.checks.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.host.LocalHost;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate checks against certificates made by the machine's openssl (so they are not only
 * checked against our own code's output) and by BouncyCastle.
 */
class CertificateChecksTest {
    @TempDir
    static Path dir;
    static LocalHost host;

    static void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    /** A CA and leaves as in Kubernetes The Hard Way, made with openssl. */
    @BeforeAll
    static void makeCertificates() throws Exception {
        host = new LocalHost(Map.of("PATH", "/usr/bin:/bin"), dir);
        openssl("genrsa", "-out", "ca-key.pem", "2048");
        openssl("req", "-x509", "-new", "-key", "ca-key.pem", "-days", "3650", "-subj", "/CN=CA", "-out", "ca.pem",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("genrsa", "-out", "other-ca-key.pem", "2048");
        openssl("req", "-x509", "-new", "-key", "other-ca-key.pem", "-days", "3650", "-subj", "/CN=Other CA",
                "-out", "other-ca.pem");
        Files.writeString(dir.resolve("leaf.ext"), """
                basicConstraints = CA:FALSE
                keyUsage = critical, digitalSignature, keyEncipherment
                extendedKeyUsage = clientAuth, serverAuth
                subjectAltName = DNS:node-0, IP:127.0.0.1
                subjectKeyIdentifier = hash
                """);
        openssl("genrsa", "-out", "node-0-key.pem", "2048");
        openssl("req", "-new", "-key", "node-0-key.pem", "-subj", "/CN=system:node:node-0/O=system:nodes",
                "-out", "node-0.csr");
        openssl("x509", "-req", "-in", "node-0.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "365", "-extfile", "leaf.ext", "-out", "node-0.pem");
        // An EC key in SEC1 form ("EC PRIVATE KEY", as kubeadm writes them) with its certificate,
        // and an RSA key in PKCS#1 form.
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec-key.pem");
        openssl("req", "-new", "-key", "ec-key.pem", "-subj", "/CN=kube-apiserver", "-out", "ec.csr");
        openssl("x509", "-req", "-in", "ec.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "365", "-out", "ec.pem");
        openssl("rsa", "-in", "node-0-key.pem", "-traditional", "-out", "node-0-key-pkcs1.pem");
    }

    private CheckResult cert(Clock clock, Object... params) {
        CertificateCheck c = CertificateCheck.from(Params.of(params));
        c = new CertificateCheck(c.cert(), c.ca(), c.cn(), c.o(), c.dns(), c.ips(), c.keyUsage(), c.extKeyUsage(), c.key(),
                c.warnDays(), clock);
        return c.run(new CheckContext(host, ClusterAccess.none(), Duration.ofSeconds(5)));
    }

    private CheckResult cert(Object... params) {
        return cert(Clock.systemUTC(), params);
    }

    @Test
    void aGoodChainPasses() {
        CheckResult r = cert("cert", "node-0.pem", "ca", "ca.pem", "cn", "system:node:node-0", "o", List.of("system:nodes"),
                "dns", List.of("node-0"), "ips", List.of("127.0.0.1"), "key_usage",
                List.of("digitalSignature", "keyEncipherment"), "ext_key_usage", List.of("clientAuth", "serverAuth"),
                "key", "node-0-key.pem");
        assertEquals(Status.PASS, r.status(), r.toString());
        assertTrue(r.observed().startsWith("CN=system:node:node-0, O=system:nodes; issuer CN=CA; SANs DNS:node-0, "
                + "IP:127.0.0.1; valid until "), r.observed());
        assertEquals("read node-0.pem, ca.pem, node-0-key.pem on local", r.evidence());
    }

    @Test
    void aPkcs1KeyAlsoMatches() {
        assertEquals(Status.PASS, cert("cert", "node-0.pem", "key", "node-0-key-pkcs1.pem").status());
    }

    @Test
    void theWrongCaIsNamed() {
        CheckResult r = cert("cert", "node-0.pem", "ca", "other-ca.pem");
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.observed().endsWith("— not signed by that CA: issued by CN=CA, the CA file holds CN=Other CA"), r.observed());
    }

    @Test
    void theWrongOrganisationAndCommonName() {
        CheckResult r = cert("cert", "node-0.pem", "cn", "system:node:node-1", "o", List.of("system:masters"));
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.observed().endsWith("— CN is system:node:node-0; O is system:nodes"), r.observed());
        assertTrue(r.hint().startsWith("the CN is the user and each O a group"), r.hint());
    }

    /** In Chinese: what is wrong, and the fix for it, are said in Chinese; names and values stay as they are. */
    @Test
    void theWrongCaAndAMissingSanInChinese() {
        CertificateCheck c = CertificateCheck.from(Params.of("cert", "node-0.pem", "ca", "other-ca.pem", "ips",
                List.of("10.32.0.1")));
        CheckResult r = c.run(new CheckContext(host, ClusterAccess.none(), Duration.ofSeconds(5))
                .in(new io.kubelab.checks.Say("zh-CN")));
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.observed().contains("签发者 CN=CA") && r.observed().endsWith("— SAN 中没有 IP:10.32.0.1; "
                + "不是由该 CA 签发的：签发者为 CN=CA，而 CA 文件中是 CN=Other CA"), r.observed());
        assertEquals("客户端会用所连接的名称与 SAN 比对：请重新签发，包含每一个名称和 IP", r.hint());
        assertEquals("在 local 上读取 node-0.pem, other-ca.pem", r.evidence());
    }

    @Test
    void aMissingSan() {
        CheckResult r = cert("cert", "node-0.pem", "dns", List.of("node-0", "node-0.kubernetes.local"),
                "ips", List.of("10.32.0.1"));
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.observed().endsWith("— no SAN DNS:node-0.kubernetes.local; no SAN IP:10.32.0.1"), r.observed());
    }

    @Test
    void expiredFailsAndSoonWarns() {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
        CheckResult expired = cert(later, "cert", "node-0.pem");
        assertEquals(Status.FAIL, expired.status());
        assertTrue(expired.observed().contains("— expired on "), expired.observed());
        Clock soon = Clock.fixed(Instant.now().plus(Duration.ofDays(350)), ZoneOffset.UTC);
        CheckResult warn = cert(soon, "cert", "node-0.pem");
        assertEquals(Status.WARN, warn.status(), warn.toString());
        assertTrue(warn.hint().startsWith("it expires in 1"), warn.hint());
    }

    @Test
    void aKeyThatDoesNotMatch() {
        CheckResult r = cert("cert", "node-0.pem", "key", "ca-key.pem");
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.observed().endsWith("— the key ca-key.pem does not belong to this certificate"), r.observed());
        CheckResult ec = cert("cert", "node-0.pem", "key", "ec-key.pem");
        assertTrue(ec.observed().endsWith("— the key ec-key.pem does not belong to this certificate"), ec.observed());
    }

    @Test
    void aSec1EcKeyMatchesItsCertificate() throws Exception {
        assertTrue(Files.readString(dir.resolve("ec-key.pem")).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        CheckResult r = cert("cert", "ec.pem", "ca", "ca.pem", "key", "ec-key.pem");
        assertEquals(Status.PASS, r.status(), r.toString());
    }

    @Test
    void aMissingFileIsAFailNamingIt() {
        CheckResult r = cert("cert", "nothing.pem");
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.observed().endsWith("nothing.pem does not exist"), r.observed());
        assertEquals("the step that makes it has not run, or wrote it elsewhere", r.hint());
    }

    @Test
    void aDeviceAPipeOrAHugeFileIsRefusedAtOnceNotRead() throws Exception {
        CheckResult zero = cert("cert", "/dev/zero");
        assertEquals(Status.FAIL, zero.status());
        assertEquals("/dev/zero is not a regular file (a folder, a device or a pipe)", zero.observed());
        Path fifo = dir.resolve("fifo.pem");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        assertTrue(cert("cert", "fifo.pem").observed().endsWith("fifo.pem is not a regular file (a folder, a device or a pipe)"));
        Path big = dir.resolve("big.pem");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[1]), 64L * 1024 * 1024); // 64 MiB, sparse
        }
        CheckResult huge = cert("cert", "big.pem");
        assertEquals(Status.FAIL, huge.status());
        assertTrue(huge.observed().endsWith("big.pem is larger than 4 MiB"), huge.observed());
    }

    @Test
    void certificatesMadeByBouncyCastleToo() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair ca = g.generateKeyPair();
        KeyPair leaf = g.generateKeyPair();
        X500Name caName = new X500Name("CN=kubernetes");
        Date from = Date.from(Instant.now().minus(Duration.ofHours(1)));
        Date to = Date.from(Instant.now().plus(Duration.ofDays(365)));
        X509Certificate bareCa = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.ONE, from, to, caName, ca.getPublic()).build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
        X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.ONE, from, to, caName, ca.getPublic())
                .addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                        new org.bouncycastle.asn1.x509.BasicConstraints(true))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
        X509Certificate leafCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.TWO, from, to, new X500Name("CN=kubernetes-admin,O=kubeadm:cluster-admins"),
                leaf.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
        write("bc-ca.crt", caCert);
        write("bc-bare-ca.crt", bareCa);
        write("bc-admin.crt", leafCert);
        write("bc-admin.key", new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(leaf.getPrivate(), null).generate());
        write("bc-wrong.key", new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(ca.getPrivate(), null).generate());
        CheckResult ok = cert("cert", "bc-admin.crt", "ca", "bc-ca.crt", "cn", "kubernetes-admin",
                "o", List.of("kubeadm:cluster-admins"), "key", "bc-admin.key");
        assertEquals(Status.PASS, ok.status(), ok.toString());
        assertEquals(Status.FAIL, cert("cert", "bc-admin.crt", "key", "bc-wrong.key").status());
        // openssl agrees with the chain lab verified.
        openssl("verify", "-CAfile", "bc-ca.crt", "bc-admin.crt");
        // A CA certificate without CA:TRUE is refused, as openssl refuses it.
        CheckResult bare = cert("cert", "bc-admin.crt", "ca", "bc-bare-ca.crt");
        assertEquals(Status.FAIL, bare.status());
        assertTrue(bare.observed().endsWith("— its CA CN=kubernetes is not marked as a CA (basicConstraints CA:TRUE), "
                + "so openssl and Go refuse it"), bare.observed());
    }

    @Test
    void theJoinHashIsTheSha256OfTheSubjectPublicKeyInfoAsOpensslComputesIt() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "openssl x509 -pubkey -in ca.pem | openssl rsa -pubin -outform der "
                + "2>/dev/null | openssl dgst -sha256 -hex").directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor());
        String opensslHash = "sha256:" + out.substring(out.lastIndexOf(' ') + 1);
        assertEquals(opensslHash, Pem.caCertHash(Pem.certificate(Files.readAllBytes(dir.resolve("ca.pem")))));
        String join = "kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef \\\n\t--discovery-token-ca-cert-hash "
                + opensslHash;
        CheckContext ctx = new CheckContext(host, ClusterAccess.none(), Duration.ofSeconds(5));
        CheckResult ok = JoinHashCheck.from(Params.of("ca", "ca.pem", "hash", join)).run(ctx);
        assertEquals(Status.PASS, ok.status(), ok.toString());
        CheckResult wrong = JoinHashCheck.from(Params.of("ca", "other-ca.pem", "hash", join)).run(ctx);
        assertEquals(Status.FAIL, wrong.status());
        assertTrue(wrong.observed().startsWith("the command has " + opensslHash + ", the CA's is sha256:"),
                wrong.observed());
    }

    @Test
    void aKubeconfigsServerCaAndUser() throws Exception {
        String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("ca.pem")));
        String client = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("node-0.pem")));
        Files.writeString(dir.resolve("node-0.kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: kubernetes-the-hard-way, cluster: {server: "https://server.kubernetes.local:6443",
                  certificate-authority-data: %s}}]
                users: [{name: "system:node:node-0", user: {client-certificate-data: %s}}]
                contexts: [{name: default, context: {cluster: kubernetes-the-hard-way, user: "system:node:node-0"}}]
                current-context: default
                """.formatted(ca, client));
        CheckContext ctx = new CheckContext(host, ClusterAccess.none(), Duration.ofSeconds(5));
        CheckResult ok = KubeconfigCheck.from(Params.of("path", "node-0.kubeconfig", "server",
                "https://server.kubernetes.local:6443", "ca", "ca.pem", "cn", "system:node:node-0",
                "o", List.of("system:nodes"))).run(ctx);
        assertEquals(Status.PASS, ok.status(), ok.toString());
        CheckResult wrong = KubeconfigCheck.from(Params.of("path", "node-0.kubeconfig", "server", "https://127.0.0.1:6443",
                "ca", "other-ca.pem", "cn", "admin")).run(ctx);
        assertEquals(Status.FAIL, wrong.status());
        assertTrue(wrong.observed().endsWith("— server is https://server.kubernetes.local:6443; its cluster CA is not "
                + "other-ca.pem; user CN is system:node:node-0"), wrong.observed());
    }

    private static void write(String name, Object pem) throws Exception {
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(dir.resolve(name)))) {
            w.writeObject(pem);
        }
    }
}
