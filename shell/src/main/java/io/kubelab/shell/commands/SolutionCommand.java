package io.kubelab.shell.commands;

import io.kubelab.labs.model.Step;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "solution", description = "Show the step's solution.")
public final class SolutionCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    LabStepWords words;

    public SolutionCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = words.of(ctx);
        Step step = a.step();
        Ui ui = ctx.ui();
        if (step.solution().isEmpty() && step.isQuestion()) {
            // A question's solution is its right answer, with the explanation that says why.
            ui.line(ui.style().bold(ui.msg().get("solution.label", step.id())));
            ui.line(ui.msg().get("solution.answer", String.join(",", new java.util.TreeSet<>(step.quiz().correct()))));
            ui.markdown(step.quiz().explanation().in(ctx.language()));
            return 0;
        }
        if (step.solution().isEmpty()) {
            ui.line(ui.msg().get("solution.none"));
            return 0;
        }
        ui.line(ui.style().bold(ui.msg().get("solution.label", step.id())));
        ui.markdown(step.solution().in(ctx.language()));
        return 0;
    }
}
