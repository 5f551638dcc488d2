package io.kubelab.checks;

import java.util.Map;

/**
 * What checks say, in the learner's language. A check writes its sentence in English, with
 * {@code {0}}, {@code {1}} where values go ({@code say.t("swap in use: {0}", devices)}); the
 * English is the key of its translation in {@code checks.zh-CN.txt} (a {@link TranslationFile}; gettext's way: the code stays
 * readable, and English needs no table). A sentence without a translation is said in English,
 * and CheckTranslationsTest fails on it.
 *
 * @param language     "en" or "zh-CN"
 * @param translations the Chinese of each English sentence: the checks' own, or another part's from its
 *                     own file (the certificates table's): each part keeps what it says, and its test
 *                     finds what is missing or stale there
 */
public record Say(String language, Map<String, String> translations) {
    private static final Map<String, String> CHINESE = TranslationFile.read(Say.class, "checks.zh-CN.txt");
    public static final Say ENGLISH = new Say("en");

    /** What the checks say, from {@code checks.zh-CN.txt}. */
    public Say(String language) {
        this(language, CHINESE);
    }

    public String t(String english, Object... args) {
        String template = language.equals("zh-CN") ? translations.getOrDefault(english, english) : english;
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
}
