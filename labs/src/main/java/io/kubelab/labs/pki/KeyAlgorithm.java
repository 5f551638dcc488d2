package io.kubelab.labs.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of key lab makes, by the word lab YAML names them with. */
public enum KeyAlgorithm {
    /** What Kubernetes the Hard Way makes with openssl today. */
    RSA_4096("rsa-4096", 4096),
    /** What kubeadm makes by default. */
    RSA_2048("rsa-2048", 2048),
    /** Small and fast to make; every Kubernetes component takes it. */
    ECDSA_P256("ecdsa-p256", 256);

    private final String word;
    private final int bits;

    KeyAlgorithm(String word, int bits) {
        this.word = word;
        this.bits = bits;
    }

    public String word() {
        return word;
    }

    public static Optional<KeyAlgorithm> of(String word) {
        return Arrays.stream(values()).filter(a -> a.word.equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(KeyAlgorithm::word).toList();
    }

    boolean isRsa() {
        return this != ECDSA_P256;
    }

    KeyPair generate() {
        try {
            if (isRsa()) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(bits);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot make " + word + " keys", e);
        }
    }

    /** Whether a key is of this kind and size (a learner who switches the algorithm gets new keys). */
    boolean made(PublicKey key) {
        if (isRsa()) {
            return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() == bits;
        }
        return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == bits;
    }
}
