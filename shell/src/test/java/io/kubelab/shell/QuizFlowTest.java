package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chapter question as a learner meets it: the usage line gives nothing away, a wrong answer
 * gets a hint (not the explanation, which names the answer), the last answer counts, and
 * `solution` gives the answer with its explanation.
 */
class QuizFlowTest {
    @TempDir
    Path home;

    @Test
    void theUsageLineNeverNamesAChoice() {
        ShellRun.Result r = new ShellRun(home).run("answer", "minikube");
        assertEquals(2, r.exit(), r.toString());
        String all = r.out() + r.err();
        assertTrue(all.contains("Answer with the letter of one choice: `answer <letter>`."), all);
        for (String choice : new String[] {"`answer a`", "`answer b`", "`answer c`", "`answer d`"}) {
            assertFalse(all.contains(choice), all);
        }
    }

    @Test
    void aWrongAnswerGetsAHintAndTheLastAnswerCounts() {
        ShellRun lab = new ShellRun(home);
        ShellRun.Result wrong = lab.run("answer", "minikube", "a");
        assertEquals(1, wrong.exit(), wrong.toString());
        assertTrue(wrong.out().contains("✗ Not yet."), wrong.out());
        assertTrue(wrong.out().contains("Hint 1 of 1:"), wrong.out());
        assertTrue(wrong.out().contains("how many nodes does your minikube cluster have"), wrong.out());
        assertFalse(wrong.out().contains("Use it to learn and to test"), "no explanation yet: " + wrong.out());
        assertTrue(wrong.out().contains("`lab solution minikube` shows the answer"), wrong.out());

        ShellRun.Result right = lab.run("answer", "minikube", "ｂ"); // as a Chinese input method types it
        assertEquals(0, right.exit(), right.toString());
        assertTrue(right.out().contains("Use it to learn and to test"), "the explanation comes with the right answer");
        assertTrue(lab.run("status", "minikube").out().matches("(?s).*✓.*question.*"), "done after the right answer");

        assertEquals(1, lab.run("answer", "minikube", "c").exit());
        ShellRun.Result status = lab.run("status", "minikube", "-o", "json");
        assertTrue(status.out().matches("(?s).*\"question\".*?\"failed\".*"), "the last answer counts: " + status.out());
        ShellRun.Result check = lab.run("check", "minikube", "question");
        assertTrue(check.out().contains("answered c, which is not right"), check.out());
    }

    @Test
    void solutionOfAQuestionIsItsAnswerAndExplanation() {
        ShellRun.Result r = new ShellRun(home).run("solution", "minikube", "question");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("The answer: b"), r.out());
        assertTrue(r.out().contains("Use it to learn and to test"), r.out());
    }
}
