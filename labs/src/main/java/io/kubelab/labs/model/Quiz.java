package io.kubelab.labs.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chapter question.
 *
 * @param choices  choice id to its text (single and multiple choice)
 * @param correct  the ids of the right choices
 * @param keywords for short answers: accepted words (any language), lower case
 * @param minKeywords how many keywords a short answer must contain
 */
public record Quiz(Type type, Text question, Map<String, Text> choices, Set<String> correct, List<String> keywords,
                   int minKeywords, Text explanation) {

    public enum Type {
        SINGLE("single"), MULTIPLE("multiple"), TEXT("text");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public Quiz {
        choices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
        correct = Set.copyOf(correct);
        keywords = List.copyOf(keywords);
    }
}
