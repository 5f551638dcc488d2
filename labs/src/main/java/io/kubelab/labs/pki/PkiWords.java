package io.kubelab.labs.pki;

import io.kubelab.checks.Say;
import io.kubelab.checks.TranslationFile;
import java.util.Map;

/** What the certificates action says (its table, and why a certificate is made again), in the learner's language. */
public final class PkiWords {
    static final Map<String, String> CHINESE = TranslationFile.read(PkiWords.class, "pki.zh-CN.txt");

    private PkiWords() {
    }

    public static Say in(String language) {
        return new Say(language, CHINESE);
    }
}
