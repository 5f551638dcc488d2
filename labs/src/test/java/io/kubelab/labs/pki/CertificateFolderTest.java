package io.kubelab.labs.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificates lab makes, judged by openssl: every one verifies against the CA, its fields are
 * the ones asked for, every key matches its certificate; and making the folder again keeps what is
 * still right and makes again only what changed.
 */
class CertificateFolderTest {
    /** Now, as openssl verify also judges the certificates by the real clock. */
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    private static final CertificateSpec ADMIN = new CertificateSpec("admin", "admin", List.of("system:masters"),
            List.of(), Set.of(Usage.CLIENT));
    private static final CertificateSpec NODE = new CertificateSpec("node-1", "system:node:node-1",
            List.of("system:nodes"), List.of("node-1", "10.79.0.12", "127.0.0.1"), Set.of(Usage.CLIENT, Usage.SERVER));
    private static final CertificateSpec SCHEDULER = new CertificateSpec("kube-scheduler", "system:kube-scheduler",
            List.of("system:kube-scheduler"), List.of("kube-scheduler", "127.0.0.1"), Set.of(Usage.CLIENT, Usage.SERVER));
    private static final CertificateSpec API = new CertificateSpec("kube-api-server", "kubernetes", List.of(),
            List.of("127.0.0.1", "10.32.0.1", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
                    "kubernetes.default.svc.cluster.local", "node-1", "10.79.0.11"), Set.of(Usage.CLIENT, Usage.SERVER));

    private CertificateFolder folder(KeyAlgorithm algorithm, Instant now) {
        return new CertificateFolder(dir, algorithm, Duration.ofDays(3653), Duration.ofDays(365),
                Clock.fixed(now, ZoneOffset.UTC), io.kubelab.checks.Say.ENGLISH);
    }

    private static String openssl(Path in, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    private Map<String, Issued> make(CertificateFolder f, CertificateSpec... specs) throws IOException {
        Map<String, Issued> byName = new LinkedHashMap<>();
        f.make("kubernetes-ca", List.of(specs)).forEach(i -> byName.put(i.name(), i));
        return byName;
    }

    @Test
    void rsaCertificatesAreWhatOpensslSaysTheyAre() throws Exception {
        Map<String, Issued> made = make(folder(KeyAlgorithm.RSA_4096, NOW), ADMIN, API);
        assertEquals(List.of("ca", "admin", "kube-api-server"), List.copyOf(made.keySet()));
        made.values().forEach(i -> assertEquals(Issued.Status.MADE, i.status(), i.name()));

        String ca = openssl(dir, "x509", "-in", "ca.crt", "-noout", "-subject", "-ext", "basicConstraints,keyUsage",
                "-dates");
        assertTrue(ca.contains("subject=CN = kubernetes-ca"), ca);
        assertTrue(ca.contains("critical\n    CA:TRUE"), ca);
        assertTrue(ca.contains("Certificate Sign, CRL Sign"), ca);
        String tenYears = java.time.format.DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", java.util.Locale.ROOT)
                .format(NOW.plus(Duration.ofDays(3653)).atZone(ZoneOffset.UTC));
        assertTrue(ca.contains("notAfter=" + tenYears), "3653 days: " + ca);
        assertTrue(openssl(dir, "x509", "-in", "ca.crt", "-noout", "-text").contains("Public-Key: (4096 bit)"));

        assertEquals("admin.crt: OK", openssl(dir, "verify", "-CAfile", "ca.crt", "admin.crt"));
        String admin = openssl(dir, "x509", "-in", "admin.crt", "-noout", "-subject", "-ext",
                "basicConstraints,keyUsage,extendedKeyUsage,subjectAltName");
        assertTrue(admin.contains("subject=O = system:masters, CN = admin"), admin);
        assertTrue(admin.contains("CA:FALSE"), admin);
        assertTrue(admin.contains("Digital Signature, Key Encipherment"), admin);
        assertTrue(admin.contains("TLS Web Client Authentication"), admin);
        assertFalse(admin.contains("TLS Web Server Authentication"), admin);
        assertFalse(admin.contains("Subject Alternative Name"), admin);

        assertEquals("kube-api-server.crt: OK", openssl(dir, "verify", "-CAfile", "ca.crt", "-purpose", "sslserver",
                "kube-api-server.crt"));
        String api = openssl(dir, "x509", "-in", "kube-api-server.crt", "-noout", "-ext", "subjectAltName");
        assertTrue(api.contains("DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, "
                + "DNS:kubernetes.default.svc.cluster.local, DNS:node-1, IP Address:127.0.0.1, IP Address:10.32.0.1, "
                + "IP Address:10.79.0.11"), api);
        // The API server's certificate and its key are a pair: openssl names the same public key for both.
        for (String name : List.of("ca", "admin", "kube-api-server")) {
            assertEquals(openssl(dir, "x509", "-in", name + ".crt", "-noout", "-pubkey"),
                    openssl(dir, "pkey", "-in", name + ".key", "-pubout"), name);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name + ".key"))));
        }
        assertTrue(openssl(dir, "x509", "-in", "admin.crt", "-noout", "-fingerprint", "-sha256")
                .endsWith(made.get("admin").fingerprint()));
    }

    @Test
    void ecdsaKeysAndTheSchedulersGroupAsKubernetesNeedsIt() throws Exception {
        make(folder(KeyAlgorithm.ECDSA_P256, NOW), SCHEDULER, NODE);
        String scheduler = openssl(dir, "x509", "-in", "kube-scheduler.crt", "-noout", "-subject", "-text");
        // Not upstream's O=system:system:kube-scheduler: the group RBAC binds is system:kube-scheduler.
        assertTrue(scheduler.contains("subject=O = system:kube-scheduler, CN = system:kube-scheduler"), scheduler);
        assertTrue(scheduler.contains("ASN1 OID: prime256v1"), scheduler);
        assertTrue(scheduler.contains("Digital Signature\n"), "no key encipherment for an EC key: " + scheduler);
        assertEquals("node-1.crt: OK", openssl(dir, "verify", "-CAfile", "ca.crt", "-purpose", "sslclient", "node-1.crt"));
        String node = openssl(dir, "x509", "-in", "node-1.crt", "-noout", "-subject", "-ext", "subjectAltName");
        assertTrue(node.contains("subject=O = system:nodes, CN = system:node:node-1"), node);
        assertTrue(node.contains("DNS:node-1, IP Address:10.79.0.12, IP Address:127.0.0.1"), node);
    }

    @Test
    void makingAgainKeepsWhatIsRightAndRemakesOnlyWhatChanged() throws Exception {
        make(folder(KeyAlgorithm.ECDSA_P256, NOW), ADMIN, NODE, API);
        byte[] adminBefore = Files.readAllBytes(dir.resolve("admin.crt"));
        byte[] caBefore = Files.readAllBytes(dir.resolve("ca.crt"));

        Map<String, Issued> again = make(folder(KeyAlgorithm.ECDSA_P256, NOW.plusSeconds(60)), ADMIN, NODE, API);
        again.values().forEach(i -> assertEquals(Issued.Status.KEPT, i.status(), i.name()));
        assertArrayEquals(adminBefore, Files.readAllBytes(dir.resolve("admin.crt")));

        // One SAN more on the API server: that certificate alone is made again, and says why.
        List<String> sans = new ArrayList<>(API.sans());
        sans.add("10.79.0.13");
        CertificateSpec wider = new CertificateSpec(API.name(), API.commonName(), API.organizations(), sans, API.usages());
        Map<String, Issued> changed = make(folder(KeyAlgorithm.ECDSA_P256, NOW.plusSeconds(120)), ADMIN, NODE, wider);
        assertEquals(Issued.Status.REMADE, changed.get("kube-api-server").status());
        assertEquals(Optional.of("SANs +IP:10.79.0.13"), changed.get("kube-api-server").why());
        assertEquals(Issued.Status.KEPT, changed.get("admin").status());
        assertEquals(Issued.Status.KEPT, changed.get("ca").status());
        assertArrayEquals(caBefore, Files.readAllBytes(dir.resolve("ca.crt")));
        assertTrue(openssl(dir, "x509", "-in", "kube-api-server.crt", "-noout", "-ext", "subjectAltName")
                .contains("IP Address:10.79.0.13"));

        // A key file that no longer matches (a half-finished earlier run) is made again.
        Files.copy(dir.resolve("admin.key"), dir.resolve("node-1.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Issued node = make(folder(KeyAlgorithm.ECDSA_P256, NOW.plusSeconds(180)), ADMIN, NODE, wider).get("node-1");
        assertEquals(Optional.of("its key file is missing or does not match it"), node.why());
        assertEquals(openssl(dir, "x509", "-in", "node-1.crt", "-noout", "-pubkey"),
                openssl(dir, "pkey", "-in", "node-1.key", "-pubout"));
    }

    @Test
    void aNewAlgorithmOrACertificateNearItsEndIsMadeAgain() throws Exception {
        make(folder(KeyAlgorithm.ECDSA_P256, NOW), ADMIN);

        // 340 days on, the one-year admin certificate has less than 30 days left; the CA has years.
        Map<String, Issued> later = make(folder(KeyAlgorithm.ECDSA_P256, NOW.plus(Duration.ofDays(340))), ADMIN);
        assertEquals(Issued.Status.KEPT, later.get("ca").status());
        assertEquals(Optional.of("it expires " + java.time.LocalDate.ofInstant(NOW.plus(Duration.ofDays(365)), ZoneOffset.UTC)),
                later.get("admin").why());

        // The learner switches to RSA: the CA is made again, and so everything it signed.
        Map<String, Issued> rsa = make(folder(KeyAlgorithm.RSA_2048, NOW.plus(Duration.ofDays(341))), ADMIN);
        assertEquals(Optional.of("its key is not rsa-2048"), rsa.get("ca").why());
        assertEquals(Optional.of("the CA is new"), rsa.get("admin").why());
        // The CA's key is lost: a new CA, said to be, and everything it signs made again.
        Files.delete(dir.resolve("ca.key"));
        Map<String, Issued> lost = make(folder(KeyAlgorithm.RSA_2048, NOW.plus(Duration.ofDays(341))), ADMIN);
        assertEquals(Issued.Status.REMADE, lost.get("ca").status());
        assertEquals(Optional.of("ca.crt or ca.key is missing or unreadable"), lost.get("ca").why());
        assertEquals(Optional.of("the CA is new"), lost.get("admin").why());
        assertEquals("admin.crt: OK", openssl(dir, "verify", "-attime", String.valueOf(NOW.plus(Duration.ofDays(341))
                .getEpochSecond()), "-CAfile", "ca.crt", "admin.crt"));
    }
}
