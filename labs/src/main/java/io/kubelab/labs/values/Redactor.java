package io.kubelab.labs.values;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces secret values with ****** wherever text leaves lab: the echoed command, streamed
 * output, the transcript, error messages. Bootstrap tokens are masked even when no variable
 * declared them (kubeadm prints fresh ones in `token create` output).
 */
public final class Redactor {
    public static final String MASK = "******";
    private static final Pattern BOOTSTRAP_TOKEN = Pattern.compile("\\b[a-z0-9]{6}\\.[a-z0-9]{16}\\b");

    private final List<String> secrets;

    public Redactor(java.util.Collection<String> secretValues) {
        // Longest first, so a secret that contains another is masked whole.
        // Every secret, however short: a short one masks more than it needs to, never less.
        // Each in every form it takes when filled into a command (quoted, escaped), as well as itself.
        this.secrets = secretValues.stream().filter(s -> s != null && !s.isEmpty())
                .flatMap(s -> ShellWords.forms(s).stream()).distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, masked(s));
        }
        // A token has a dot: most output lines have none, and skip the pattern (lab streams millions).
        return out.indexOf('.') < 0 ? out : BOOTSTRAP_TOKEN.matcher(out).replaceAll(MASK);
    }

    /**
     * How a secret value is shown: ****** — except a value that carries a bootstrap token (a kubeadm
     * join command), which is shown with only the token masked, so the learner can read the command.
     */
    private static String masked(String secret) {
        String partly = BOOTSTRAP_TOKEN.matcher(secret).replaceAll(MASK);
        return partly.equals(secret) ? MASK : partly;
    }
}
