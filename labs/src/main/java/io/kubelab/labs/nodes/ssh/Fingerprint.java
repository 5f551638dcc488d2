package io.kubelab.labs.nodes.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** Host key fingerprints as OpenSSH shows them: SHA256:base64 of the key blob, without padding. */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(PublicKey key) {
        return ofBlob(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    /** From the base64 key field of a known_hosts line. */
    static String ofBase64(String base64Blob) {
        return ofBlob(Base64.getDecoder().decode(base64Blob));
    }

    static String type(PublicKey key) {
        String t = KeyType.fromKey(key).toString();
        return switch (t) {
            case "ssh-ed25519" -> "ED25519";
            case "ssh-rsa" -> "RSA";
            default -> t.startsWith("ecdsa") ? "ECDSA" : t;
        };
    }

    static String blobBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    private static String ofBlob(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
