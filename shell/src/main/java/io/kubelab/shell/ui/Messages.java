package io.kubelab.shell.ui;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The shell's own words, in English and Simplified Chinese (messages*.properties). Placeholders
 * are {0}, {1}, ... and nothing else is special, so apostrophes in English need no escaping.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final String language;

    public Messages(String language) {
        this.language = language;
        Locale locale = language.equals("zh-CN") ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        this.bundle = ResourceBundle.getBundle("io.kubelab.shell.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String language() {
        return language;
    }

    public String get(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            s = key;
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** The language for a LANG value: zh_CN.UTF-8 and friends are Chinese, anything else English. */
    public static String languageFromLocale(String lang) {
        if (lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return "zh-CN";
        }
        return "en";
    }
}
