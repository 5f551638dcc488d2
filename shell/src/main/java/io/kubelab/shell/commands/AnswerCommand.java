package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.QuizGrader;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "answer", description = {"Answer the chapter question of a step.",
        "Choices by id (answer b; answer a,c); short answers in words (answer \"local, single node\")."})
public final class AnswerCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "[LAB] ANSWER", arity = "0..*", description = "From the OS shell: the lab, then the answer.", descriptionKey = "words.lab-then-answer")
    List<String> words;

    @Option(names = "--step", paramLabel = "STEP", description = "The question's step (default: the current step, "
            + "else the first question not yet answered right).", completionCandidates = LabIds.class)
    String stepId;

    public AnswerCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = LabArgs.of(ctx, words);
        LabSession s = a.session();
        Step step = stepId != null ? s.step(stepId) : question(s);
        Ui ui = ctx.ui();
        if (a.rest().isEmpty()) {
            StepView.question(ui, step, ctx.language());
            throw LabException.badInput(ui.msg().get("quiz.how." + step.quiz().type().word()));
        }
        QuizGrader.Grade g = s.answer(step, String.join(" ", a.rest()));
        if (g.correct()) {
            ui.line(ui.style().green("✓ " + ui.msg().get("quiz.right")));
            ui.markdown(step.quiz().explanation().in(ctx.language()));
            if (ctx.inRepl() && step.equals(s.current()) && !"1".equals(ctx.env().get("KUBELAB_STAY"))) {
                // As after a passing run: the right answer leads on to the next step.
                if (s.next().isPresent()) {
                    ui.blank();
                    StepView.show(ctx, s, s.current());
                }
            }
            return ExitCode.OK;
        }
        // The explanation gives the answer away: a wrong answer gets the next hint instead.
        ui.line(ui.style().red("✗ " + ui.msg().get("quiz.wrong")));
        LabSession.HintReveal h = s.hint(step);
        if (h.shown() > 0) {
            ui.line(ui.style().bold(ui.msg().get("hint.label", h.shown(), h.total())));
            ui.markdown(h.revealed().get(h.shown() - 1).in(ctx.language()).strip());
        }
        ui.line(ui.style().dim(ui.msg().get("quiz.solution", ctx.typed("solution", s.lab().id()))));
        return ExitCode.NOT_DONE;
    }

    private static Step question(LabSession s) {
        if (s.current().isQuestion()) {
            return s.current();
        }
        Optional<Step> open = s.lab().steps().stream()
                .filter(st -> st.isQuestion() && !Boolean.TRUE.equals(s.progress().step(st.id()).correct())).findFirst();
        return open.or(() -> s.lab().steps().stream().filter(Step::isQuestion).findFirst())
                .orElseThrow(() -> LabException.badInput("lab '" + s.lab().id() + "' has no question"));
    }
}
