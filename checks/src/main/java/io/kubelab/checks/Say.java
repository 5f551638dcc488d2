package io.kubelab.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What checks say, in the learner's language. A check writes its sentence in English, with
 * {@code {0}}, {@code {1}} where values go ({@code say.t("swap in use: {0}", devices)}); the
 * English is the key of its translation in {@code checks.zh-CN.txt} (gettext's way: the code stays
 * readable, and English needs no table). A sentence without a translation is said in English,
 * and CheckTranslationsTest fails on it.
 *
 * @param language "en" or "zh-CN"
 */
public record Say(String language) {
    public static final Say ENGLISH = new Say("en");
    private static final Map<String, String> CHINESE = load("checks.zh-CN.txt");

    public String t(String english, Object... args) {
        String template = language.equals("zh-CN") ? CHINESE.getOrDefault(english, english) : english;
        for (int i = 0; i < args.length; i++) {
            template = template.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return template;
    }

    /**
     * Marks a sentence kept in a field and said later with {@link #t}: it is returned as it is, and
     * the translation test finds it as it finds {@code t("...")} (gettext's N_()).
     */
    public static String n(String english) {
        return english;
    }

    /** Every English sentence that has a Chinese translation (for the translation test). */
    public static Map<String, String> chinese() {
        return CHINESE;
    }

    /**
     * The translation file: an English line, then its translation on the next line starting with
     * "= "; blank lines and lines starting with # between pairs are ignored.
     */
    static Map<String, String> load(String resource) {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = Say.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String english = null;
            for (String line : lines) {
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
            return Map.of(); // English, then: a check must never fail for want of a translation
        }
        return Collections.unmodifiableMap(out);
    }
}
