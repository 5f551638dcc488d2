package io.kubelab.checks.host;

/** Quoting for POSIX shells, so a path or value is one word whatever it holds. */
public final class Shell {
    private Shell() {
    }

    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
