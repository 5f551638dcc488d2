package io.kubelab.labs.pki;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a certificate is for: its extended key usages, as lab YAML writes them. */
public enum Usage {
    CLIENT("client", KeyPurposeId.id_kp_clientAuth),
    SERVER("server", KeyPurposeId.id_kp_serverAuth);

    private final String word;
    private final KeyPurposeId purpose;

    Usage(String word, KeyPurposeId purpose) {
        this.word = word;
        this.purpose = purpose;
    }

    public String word() {
        return word;
    }

    KeyPurposeId purpose() {
        return purpose;
    }

    /** The OID as Java's X509Certificate.getExtendedKeyUsage lists it. */
    String oid() {
        return purpose.getId();
    }

    public static Optional<Usage> of(String word) {
        return Arrays.stream(values()).filter(u -> u.word.equals(word)).findFirst();
    }
}
