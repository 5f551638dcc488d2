package io.kubelab.labs.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of learner-facing text in several languages. Anything missing falls back to English,
 * so a lab is usable while its translation is unfinished.
 */
public record Text(Map<String, String> byLanguage) {
    public static final String ENGLISH = "en";
    public static final String CHINESE = "zh-CN";
    /** The languages labs are written in. */
    public static final List<String> LANGUAGES = List.of(ENGLISH, CHINESE);

    public static final Text EMPTY = new Text(Map.of());

    public Text {
        byLanguage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    public static Text english(String s) {
        return new Text(Map.of(ENGLISH, s));
    }

    public static Text of(String en, String zh) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ENGLISH, en);
        m.put(CHINESE, zh);
        return new Text(m);
    }

    /** The text in {@code language}, else English, else whatever there is, else "". */
    public String in(String language) {
        String s = byLanguage.get(language);
        if (s == null) {
            s = byLanguage.get(ENGLISH);
        }
        if (s == null) {
            s = byLanguage.values().stream().findFirst().orElse("");
        }
        return s;
    }

    public boolean isEmpty() {
        return byLanguage.values().stream().allMatch(String::isBlank);
    }

    public boolean has(String language) {
        return byLanguage.containsKey(language);
    }
}
