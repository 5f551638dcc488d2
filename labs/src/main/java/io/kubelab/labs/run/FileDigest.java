package io.kubelab.labs.run;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file a check read and the SHA-256 of what it read, kept as evidence: the same bytes give the
 * same verdict, and a grade can be traced to the exact file it was given.
 *
 * @param host where the file is ("local" for this machine)
 */
public record FileDigest(String host, String path, String sha256) {

    public static FileDigest of(String host, String path, byte[] content) {
        return new FileDigest(host, path, sha256(content));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
