package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.context.ShellContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "goto", aliases = "go", description = "Go to a step by its id (or its number).")
public final class GotoCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "[LAB] STEP", arity = "1..2", completionCandidates = LabIds.class,
            description = "From the OS shell: the lab, then the step.", descriptionKey = "words.lab-then-goto")
    List<String> words;

    public GotoCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = LabArgs.of(ctx, words);
        if (a.rest().isEmpty()) {
            throw LabException.badInput("which step? `status` lists them");
        }
        LabSession s = a.session();
        String target = a.rest().get(0);
        if (target.matches("\\d+") && s.lab().step(target).isEmpty()) {
            int n = Integer.parseInt(target);
            if (n < 1 || n > s.lab().steps().size()) {
                throw LabException.badInput("step number " + n + " is out of range 1-" + s.lab().steps().size());
            }
            target = s.lab().steps().get(n - 1).id();
        }
        Step step = s.goTo(target);
        StepView.warnUnfinished(ctx, s, step);
        StepView.show(ctx, s, step);
        return 0;
    }
}
