package io.kubelab.labs.values;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Ways lab can make a fresh secret value itself, so a learner never has to invent one. */
public enum Generator {
    /** A kubeadm bootstrap token: [a-z0-9]{6}.[a-z0-9]{16}. */
    BOOTSTRAP_TOKEN("bootstrap-token"),
    /** 32 random bytes as 64 hex characters (kubeadm's --certificate-key). */
    HEX32("hex32"),
    /** 32 random bytes, base64 (an encryption-at-rest key). */
    BASE64_32("base64-32");

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final String word;

    Generator(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static java.util.Optional<Generator> byWord(String word) {
        for (Generator g : values()) {
            if (g.word.equals(word)) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }

    public String generate(SecureRandom random) {
        return switch (this) {
            case BOOTSTRAP_TOKEN -> randomChars(random, 6) + "." + randomChars(random, 16);
            case HEX32 -> HexFormat.of().formatHex(bytes(random));
            case BASE64_32 -> java.util.Base64.getEncoder().encodeToString(bytes(random));
        };
    }

    private static String randomChars(SecureRandom random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static byte[] bytes(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }
}
