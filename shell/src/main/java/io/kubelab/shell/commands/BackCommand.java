package io.kubelab.shell.commands;

import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.context.ShellContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "back", aliases = "prev", description = "Go to the previous step.")
public final class BackCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    LabWord lab;

    public BackCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabSession s = lab.session(ctx);
        if (s.back().isEmpty()) {
            ctx.ui().line(ctx.ui().msg().get("back.first"));
            return 0;
        }
        StepView.show(ctx, s, s.current());
        return 0;
    }
}
