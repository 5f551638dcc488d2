package io.kubelab.labs.run;

import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Quiz;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Marks a quiz answer. An answer that is not one of the choices is bad input, not a wrong answer. */
public final class QuizGrader {
    private QuizGrader() {
    }

    /** @param normalized the answer as stored ("a" / "a,c" / the text) */
    public record Grade(boolean correct, String normalized) {
    }

    public static Grade grade(Quiz quiz, String answer) {
        // NFKC turns what Chinese input methods type (ｂ, Ａ, full-width digits) into ASCII.
        String given = answer == null ? "" : Normalizer.normalize(answer, Normalizer.Form.NFKC).strip();
        if (given.isEmpty()) {
            throw LabException.badInput("give an answer: " + expectedForm(quiz));
        }
        return switch (quiz.type()) {
            case SINGLE, MULTIPLE -> choices(quiz, given);
            case TEXT -> text(quiz, given);
        };
    }

    private static Grade choices(Quiz quiz, String given) {
        Set<String> picked = Arrays.stream(given.split("[,，、;；\\s]+")).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> ids = quiz.choices().keySet().stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String p : picked) {
            if (!ids.contains(p)) {
                throw LabException.badInput("'" + p + "' is not one of the choices; " + expectedForm(quiz));
            }
        }
        if (quiz.type() == Quiz.Type.SINGLE && picked.size() != 1) {
            throw LabException.badInput("this question has one answer; " + expectedForm(quiz));
        }
        Set<String> right = quiz.correct().stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        return new Grade(picked.equals(right), String.join(",", picked));
    }

    private static Grade text(Quiz quiz, String given) {
        String lower = given.toLowerCase(Locale.ROOT);
        long hits = quiz.keywords().stream().filter(lower::contains).count();
        return new Grade(hits >= quiz.minKeywords(), given);
    }

    private static String expectedForm(Quiz quiz) {
        String ids = String.join(", ", quiz.choices().keySet());
        return switch (quiz.type()) {
            case SINGLE -> "answer with one of " + ids;
            case MULTIPLE -> "answer with one or more of " + ids + ", separated by commas";
            case TEXT -> "answer in a few words";
        };
    }
}
