package io.kubelab.labs.load;

import io.kubelab.labs.model.Quiz;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A step's {@code quiz:}: a chapter question, single or multiple choice, or a short answer with keywords. */
final class QuizReader {
    static final Set<String> KEYS = Set.of("type", "question", "choices", "answer", "keywords", "min_keywords",
            "explanation");

    private QuizReader() {
    }

    static Quiz read(YNode node, Problems problems) {
        if (!(node instanceof YNode.YMap map)) {
            problems.error(node.location(), "quiz must be a map with type, question, choices and answer");
            return null;
        }
        Fields q = new Fields(map, problems);
        q.only(KEYS, "in a quiz");
        String typeWord = q.text("type", "single");
        Quiz.Type type = null;
        for (Quiz.Type t : Quiz.Type.values()) {
            if (t.word().equals(typeWord)) {
                type = t;
            }
        }
        if (type == null) {
            problems.error(q.at("type"), "unknown quiz type '" + typeWord + "'; use single, multiple or text");
            return null;
        }
        Text question = TextReader.read(q, "question", true);
        Map<String, Text> choices = new LinkedHashMap<>();
        if (q.has("choices")) {
            if (q.node("choices") instanceof YNode.YMap cm) {
                cm.entries().values().forEach(e -> choices.put(e.key(), TextReader.node(e.value(), "choice " + e.key(),
                        problems)));
            } else {
                problems.error(q.at("choices"), "choices must be a map of id: text (a: ..., b: ...)");
            }
        }
        Set<String> correct = new LinkedHashSet<>(q.texts("answer"));
        List<String> keywords = q.texts("keywords").stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        int minKeywords = q.integer("min_keywords", 1);
        if (type == Quiz.Type.TEXT) {
            if (keywords.isEmpty()) {
                problems.error(q.location(), "a text quiz needs keywords: the words an accepted answer contains");
            }
            if (minKeywords > keywords.size()) {
                problems.error(q.location(), "min_keywords is " + minKeywords + " but there are only " + keywords.size()
                        + " keywords");
            }
        } else {
            if (choices.size() < 2) {
                problems.error(q.location(), "a " + type.word() + " choice quiz needs at least two choices");
            }
            if (correct.isEmpty()) {
                problems.error(q.location(), "missing 'answer': the id(s) of the right choice(s)");
            }
            for (String id : choices.isEmpty() ? List.<String>of() : correct) { // no choices: said above, once
                if (!choices.containsKey(id)) {
                    problems.error(q.at("answer"), "answer '" + id + "' is not a choice; " + Suggest.fix(id, choices.keySet()));
                }
            }
            if (type == Quiz.Type.SINGLE && correct.size() > 1) {
                problems.error(q.at("answer"), "a single choice quiz has one answer; use type: multiple");
            }
        }
        return new Quiz(type, question, choices, correct, keywords, minKeywords, TextReader.read(q, "explanation", true));
    }
}
