package io.kubelab.labs.pki;

import io.kubelab.checks.certs.Pem;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority: its self-signed certificate and its key, and the certificates it signs
 * with the extensions Kubernetes the Hard Way gives them (CA: basic constraints CA:TRUE, key usage
 * keyCertSign and cRLSign; leaves: CA:FALSE, key usage digitalSignature and, for RSA,
 * keyEncipherment, the extended key usages asked for, subject and authority key identifiers).
 */
public record CertificateAuthority(X509Certificate certificate, PrivateKey key) {
    /** Certificates start a little in the past, so a node whose clock is slightly behind accepts them. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new CA, self-signed, with the key pair given (made beside the other keys, in parallel). */
    public static CertificateAuthority create(String commonName, KeyPair pair, Duration validity, Instant now) {
        X500Name subject = name(commonName, List.of());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(subject, subject, pair.getPublic(), validity, now)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(sign(b, pair.getPrivate()), pair.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a CA certificate: " + e.getMessage(), e);
        }
    }

    /** A certificate for {@code subjectKey} saying what {@code spec} says, signed by this CA. */
    public X509Certificate issue(CertificateSpec spec, PublicKey subjectKey, Duration validity, Instant now) {
        boolean rsa = "RSA".equals(subjectKey.getAlgorithm());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    name(spec.commonName(), spec.organizations()), subjectKey, validity, now)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                            | (rsa ? KeyUsage.keyEncipherment : 0)))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate.getPublicKey()));
            if (!spec.usages().isEmpty()) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(spec.usages().stream()
                        .sorted().map(Usage::purpose).toArray(KeyPurposeId[]::new)));
            }
            List<GeneralName> sans = new ArrayList<>();
            spec.dnsNames().forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
            spec.ipAddresses().forEach(a -> sans.add(new GeneralName(GeneralName.iPAddress, a.getHostAddress())));
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            return sign(b, key);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the certificate " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /** Whether this CA signed a certificate. */
    public boolean signed(X509Certificate c) {
        if (!c.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            c.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Subject with O first and CN last, as openssl and cfssl print it: "O = system:masters, CN = admin". */
    private static X500Name name(String commonName, List<String> organizations) {
        X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE);
        organizations.forEach(o -> n.addRDN(BCStyle.O, o));
        n.addRDN(BCStyle.CN, commonName);
        return n.build();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Duration validity,
                                                    Instant now) {
        BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE); // positive, unique, as RFC 5280 asks
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)),
                subject, key);
    }

    /** Signs with SHA-256 and the signer's own kind of key. */
    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(algorithm)
                    // BouncyCastle's provider (Pem's): it takes a key from either provider, and one read back from PEM is its own.
                    .setProvider(Pem.bouncyCastle()).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }
}
