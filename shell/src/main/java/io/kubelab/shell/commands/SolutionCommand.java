package io.kubelab.shell.commands;

import io.kubelab.labs.model.Step;
import io.kubelab.shell.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "solution", description = "Show the step's solution.")
public final class SolutionCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "[LAB] [STEP]", arity = "0..2", completionCandidates = LabIds.class,
            description = "From the OS shell: the lab, then optionally a step.")
    List<String> words;

    public SolutionCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = LabArgs.of(ctx, words);
        Step step = a.step();
        Ui ui = ctx.ui();
        if (step.solution().isEmpty()) {
            ui.line(ui.msg().get("solution.none"));
            return 0;
        }
        ui.line(ui.style().bold(ui.msg().get("solution.label", step.id())));
        ui.markdown(step.solution().in(ctx.language()));
        return 0;
    }
}
