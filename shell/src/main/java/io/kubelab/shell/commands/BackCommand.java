package io.kubelab.shell.commands;

import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.ShellContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "back", aliases = "prev", description = "Go to the previous step.")
public final class BackCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "[LAB]", arity = "0..1", completionCandidates = LabIds.class,
            description = "From the OS shell: the lab.")
    List<String> words;

    public BackCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabSession s = LabArgs.of(ctx, words).session();
        if (s.back().isEmpty()) {
            ctx.ui().line(ctx.ui().msg().get("back.first"));
            return 0;
        }
        StepView.show(ctx, s, s.current());
        return 0;
    }
}
