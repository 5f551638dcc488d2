package io.kubelab.labs;

import io.kubelab.checks.Say;
import io.kubelab.checks.TranslationFile;
import java.util.Map;

/**
 * What the engine's actions say themselves, in the learner's language: the certificates action's
 * table and why a certificate is made again, a playbook's progress. (What their commands print is
 * shown as it is; the engine's errors are translated where they are shown.)
 */
public final class EngineWords {
    static final Map<String, String> CHINESE = TranslationFile.read(EngineWords.class, "engine.zh-CN.txt");

    private EngineWords() {
    }

    public static Say in(String language) {
        return new Say(language, CHINESE);
    }
}
