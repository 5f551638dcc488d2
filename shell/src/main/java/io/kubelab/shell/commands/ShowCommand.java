package io.kubelab.shell.commands;

import io.kubelab.shell.ShellContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show a step: its text, what it runs, how it is checked.")
public final class ShowCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "[LAB] [STEP]", arity = "0..2", completionCandidates = LabIds.class,
            description = "From the OS shell: the lab, then optionally a step. In the shell: a step (default: the current one).")
    List<String> words;

    public ShowCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = LabArgs.of(ctx, words);
        StepView.show(ctx, a.session(), a.step());
        return 0;
    }
}
