package io.kubelab.shell.commands;

import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.ShellContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "next", description = "Go to the next step.")
public final class NextCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "[LAB]", arity = "0..1", completionCandidates = LabIds.class,
            description = "From the OS shell: the lab.")
    List<String> words;

    public NextCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabSession s = LabArgs.of(ctx, words).session();
        if (s.next().isEmpty()) {
            ctx.ui().line(ctx.ui().msg().get("next.last", s.lab().id()));
            return 0;
        }
        StepView.show(ctx, s, s.current());
        return 0;
    }
}
