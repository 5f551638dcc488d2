package io.kubelab.labs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Quiz;
import io.kubelab.labs.model.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuizGraderTest {
    private static Map<String, Text> choices(String... ids) {
        Map<String, Text> m = new LinkedHashMap<>();
        for (String id : ids) {
            m.put(id, Text.english(id));
        }
        return m;
    }

    private static final Quiz SINGLE = new Quiz(Quiz.Type.SINGLE, Text.english("?"), choices("a", "b", "c"), Set.of("b"),
            List.of(), 1, Text.english("because"));
    private static final Quiz MULTIPLE = new Quiz(Quiz.Type.MULTIPLE, Text.english("?"), choices("a", "b", "c", "d"),
            Set.of("a", "c"), List.of(), 1, Text.english("because"));
    private static final Quiz TEXT = new Quiz(Quiz.Type.TEXT, Text.english("?"), Map.of(), Set.of(),
            List.of("systemd", "unit", "单元"), 2, Text.english("because"));

    @Test
    void singleChoice() {
        assertTrue(QuizGrader.grade(SINGLE, "B").correct());
        assertFalse(QuizGrader.grade(SINGLE, "a").correct());
        assertEquals("'z' is not one of the choices; answer with one of a, b, c",
                assertThrows(LabException.class, () -> QuizGrader.grade(SINGLE, "z")).getMessage());
        assertThrows(LabException.class, () -> QuizGrader.grade(SINGLE, "a,b"));
    }

    /** What a Chinese input method types: full-width letters, and 「，」 or 「、」 between them. */
    @Test
    void fullWidthLettersAndSeparatorsAreAccepted() {
        assertTrue(QuizGrader.grade(SINGLE, "ｂ").correct());
        assertTrue(QuizGrader.grade(SINGLE, "Ｂ").correct());
        assertTrue(QuizGrader.grade(MULTIPLE, "ａ，ｃ").correct());
        assertEquals("a,c", QuizGrader.grade(MULTIPLE, "c、a").normalized());
        assertEquals("'ｚ' is not one of the choices; answer with one of a, b, c".replace("ｚ", "z"),
                assertThrows(LabException.class, () -> QuizGrader.grade(SINGLE, "ｚ")).getMessage());
    }

    @Test
    void multipleChoiceNeedsExactlyTheRightSet() {
        assertTrue(QuizGrader.grade(MULTIPLE, "c, a").correct());
        assertEquals("a,c", QuizGrader.grade(MULTIPLE, "c a").normalized());
        assertFalse(QuizGrader.grade(MULTIPLE, "a").correct());
        assertFalse(QuizGrader.grade(MULTIPLE, "a,b,c").correct());
    }

    @Test
    void shortAnswerCountsKeywordsInAnyLanguage() {
        assertTrue(QuizGrader.grade(TEXT, "one systemd Unit per component").correct());
        assertTrue(QuizGrader.grade(TEXT, "每个组件一个 systemd 单元").correct());
        assertFalse(QuizGrader.grade(TEXT, "with systemd").correct());
        assertThrows(LabException.class, () -> QuizGrader.grade(TEXT, "  "));
    }
}
