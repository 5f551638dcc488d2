package io.kubelab.shell.commands;

import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.context.ShellContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "next", description = "Go to the next step.")
public final class NextCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    LabWord lab;

    public NextCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabSession s = lab.session(ctx);
        if (s.next().isEmpty()) {
            ctx.ui().line(ctx.ui().msg().get("next.last", s.lab().id()));
            return 0;
        }
        StepView.warnUnfinished(ctx, s, s.current());
        StepView.show(ctx, s, s.current());
        return 0;
    }
}
