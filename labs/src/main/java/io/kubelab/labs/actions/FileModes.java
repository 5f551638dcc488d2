package io.kubelab.labs.actions;

import io.kubelab.labs.yaml.Fields;
import java.util.regex.Pattern;

/** The {@code mode:} of a copied or fetched file: octal, as chmod takes it. */
final class FileModes {
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");

    private FileModes() {
    }

    /** The mode written, as four digits ("644" is "0644"), or {@code fallback}. */
    static String read(Fields f, String fallback) {
        String mode = f.text("mode");
        if (mode == null) {
            return fallback;
        }
        if (!MODE.matcher(mode).matches()) {
            f.problems().error(f.at("mode"), "mode must be octal like \"0644\" (quote it, or YAML reads a number)");
            return fallback;
        }
        return mode.length() == 3 ? "0" + mode : mode;
    }
}
