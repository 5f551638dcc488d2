package io.kubelab.labs.load;

import io.kubelab.labs.model.Text;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Learner-facing text: {@code "in English"} or {@code {en: ..., zh-CN: ...}}. A missing
 * translation is a warning (the learner sees English); a missing English text is an error.
 */
final class TextReader {
    private TextReader() {
    }

    static Text read(Fields f, String key, boolean required) {
        if (!f.has(key)) {
            if (required) {
                f.problems().error(f.location(), "missing '" + key + "'; write it in English and Simplified Chinese: "
                        + key + ": {en: ..., zh-CN: ...}");
            }
            return Text.EMPTY;
        }
        return node(f.node(key), key, f.problems());
    }

    static Text node(YNode node, String what, Problems problems) {
        if (node instanceof YNode.YScalar s) {
            problems.warning(s.location(), what + " has no Simplified Chinese translation; write {en: ..., zh-CN: ...}");
            return Text.english(s.text());
        }
        if (node instanceof YNode.YMap m) {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (YNode.Entry e : m.entries().values()) {
                if (!Text.LANGUAGES.contains(e.key())) {
                    problems.error(e.keyLocation(), "unknown language '" + e.key() + "'; "
                            + Suggest.fix(e.key(), Text.LANGUAGES));
                    continue;
                }
                String v = Fields.scalar(e.value(), what + " (" + e.key() + ")", problems);
                if (v != null) {
                    byLanguage.put(e.key(), v);
                }
            }
            if (!byLanguage.containsKey(Text.ENGLISH)) {
                problems.error(m.location(), what + " needs an English text (en:), the fallback for every language");
            } else if (!byLanguage.containsKey(Text.CHINESE)) {
                problems.warning(m.location(), what + " has no Simplified Chinese translation (zh-CN:)");
            }
            return new Text(byLanguage);
        }
        problems.error(node.location(), what + " must be a text or {en: ..., zh-CN: ...}, not " + node.describe());
        return Text.EMPTY;
    }
}
