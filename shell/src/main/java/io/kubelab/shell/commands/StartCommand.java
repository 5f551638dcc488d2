package io.kubelab.shell.commands;

import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.context.ShellContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "start", aliases = "open", description = "Open a lab at the step where you left off.")
public final class StartCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "LAB", description = "A lab id (see `list`) or the folder of a lab.yaml.",
            descriptionKey = "words.lab-to-start", completionCandidates = LabIds.class)
    String lab;

    public StartCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.inRepl()) {
            LabSession s = ctx.open(lab);
            s.begin();
            StepView.resumeNote(ctx, s);
            StepView.show(ctx, s, s.current());
            return 0;
        }
        ctx.requestRepl(lab);
        return 0;
    }
}
