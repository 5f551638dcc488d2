package io.kubelab.checks;

import java.util.ArrayList;
import java.util.List;

/** What a YAML parser says of a text it cannot read, as one line a learner or author can use. */
public final class YamlProblem {
    private YamlProblem() {
    }

    /**
     * The parser's message without its excerpts of the source (the indented lines that quote the file and
     * point at it): "while parsing a flow mapping; expected ',' or '}', but got &lt;stream end&gt;".
     */
    public static String oneLine(String message) {
        List<String> parts = new ArrayList<>();
        for (String line : message == null ? new String[0] : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.strip());
            }
        }
        return parts.isEmpty() ? "not valid YAML" : String.join("; ", parts);
    }
}
