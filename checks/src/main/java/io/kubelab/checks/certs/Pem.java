package io.kubelab.checks.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads PEM certificates and private keys (PKCS#1 RSA, PKCS#8, SEC1 EC) as the Kubernetes tools write them. */
public final class Pem {
    private Pem() {
    }

    /**
     * BouncyCastle, not registered with the JDK, only used here: it reads every key form (the JDK
     * refuses SEC1 EC keys whose curve is not in the algorithm identifier). Made on first use.
     */
    private static final class Bc {
        static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    /** That provider, for code that signs with keys read here (lab's certificate authority). */
    public static java.security.Provider bouncyCastle() {
        return Bc.PROVIDER;
    }

    private static final java.util.regex.Pattern CERTIFICATE_BLOCK = java.util.regex.Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", java.util.regex.Pattern.DOTALL);

    /**
     * Every certificate in a PEM text, in order, as openssl reads them: a bundle of CAs, a leaf with
     * its intermediates, or a certificate with its key in one file (the kubelet's
     * kubelet-client-current.pem); other blocks are passed over.
     */
    public static List<X509Certificate> certificates(byte[] pem) throws IOException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        java.util.regex.Matcher m = CERTIFICATE_BLOCK.matcher(text);
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = java.util.Base64.getMimeDecoder().decode(m.group(1).strip());
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IOException("not a PEM certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException("no certificate in it (no -----BEGIN CERTIFICATE----- block)");
        }
        return out;
    }

    public static X509Certificate certificate(byte[] pem) throws IOException {
        return certificates(pem).get(0);
    }

    /** A private key in any of the PEM forms openssl and kubeadm write. */
    public static PrivateKey privateKey(byte[] pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Bc.PROVIDER);
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PEMKeyPair kp) {
                    // Only the private half: a SEC1 EC key may be written without its public key.
                    return converter.getPrivateKey(kp.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        }
        throw new IOException("no private key in it (expected -----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or "
                + "EC PRIVATE KEY; an encrypted key cannot be checked)");
    }

    /** Whether a private key belongs to a public key: a signature made with one verifies with the other. */
    public static boolean matches(PrivateKey key, PublicKey pub) {
        String alg = switch (pub.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (alg == null) {
            return false;
        }
        try {
            byte[] data = "kubelab".getBytes(StandardCharsets.US_ASCII);
            // BouncyCastle for both halves: it takes keys from either provider (the JDK refuses BC's EC keys).
            java.security.Signature s = java.security.Signature.getInstance(alg, Bc.PROVIDER);
            s.initSign(key);
            s.update(data);
            byte[] sig = s.sign();
            java.security.Signature v = java.security.Signature.getInstance(alg, Bc.PROVIDER);
            v.initVerify(pub);
            v.update(data);
            return v.verify(sig);
        } catch (java.security.GeneralSecurityException e) {
            return false; // keys of different kinds, or a key that cannot sign: not this certificate's
        }
    }

    /** kubeadm's discovery-token-ca-cert-hash: sha256 of the DER SubjectPublicKeyInfo, lower-case hex. */
    public static String caCertHash(X509Certificate ca) {
        try {
            byte[] spki = ca.getPublicKey().getEncoded(); // X.509 SubjectPublicKeyInfo, DER
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(spki));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
