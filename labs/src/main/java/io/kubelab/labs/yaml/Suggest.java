package io.kubelab.labs.yaml;

import java.util.Collection;
import java.util.Optional;

/** "did you mean ...?" for a misspelt key, kind or name. */
public final class Suggest {
    private Suggest() {
    }

    public static Optional<String> closest(String wrong, Collection<String> known) {
        if (wrong == null) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(1, wrong.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** The usual fix for an unknown word: "did you mean 'x'?" or "use one of: a, b, c". */
    public static String fix(String wrong, Collection<String> known) {
        return closest(wrong, known).map(s -> "did you mean '" + s + "'?")
                .orElse("use one of: " + String.join(", ", known));
    }

    /** Edit distance counting a swap of two neighbours as one edit ("titel" is one edit from "title"). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
