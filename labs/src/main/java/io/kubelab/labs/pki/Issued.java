package io.kubelab.labs.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One certificate of a folder after lab made it or looked at it.
 *
 * @param why why it was made again (its SANs changed, it expires soon, the CA is new); empty otherwise
 */
public record Issued(String name, Status status, Optional<String> why, X509Certificate certificate) {

    public enum Status {
        MADE, KEPT, REMADE
    }

    /** SHA-256 of the certificate, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
