package io.kubelab.shell.commands;

import io.kubelab.shell.context.ShellContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "show", description = "Show a step: its text, what it runs, how it is checked.")
public final class ShowCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    LabStepWords words;

    public ShowCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = words.of(ctx);
        StepView.show(ctx, a.session(), a.step());
        return 0;
    }
}
