package io.kubelab.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file of translations, as lab keeps them (checks.zh-CN.txt, errors.zh-CN.txt): an English line,
 * then its translation on the next line starting with "= "; blank lines and lines starting with
 * # between pairs are ignored. Read in file order, which is the order a first match is looked for.
 */
public final class TranslationFile {
    private TranslationFile() {
    }

    /** English to translation, in file order; empty when the resource is missing or unreadable. */
    public static Map<String, String> read(Class<?> owner, String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            String english = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("= ") && english != null) {
                    out.put(english, line.substring(2));
                    english = null;
                } else {
                    english = line;
                }
            }
        } catch (IOException e) {
            return Map.of(); // English, then: nothing must fail for want of a translation
        }
        return Collections.unmodifiableMap(out);
    }
}
