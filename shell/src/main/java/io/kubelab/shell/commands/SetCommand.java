package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `set name=value`: changes a variable of the open lab, and remembers it when it is not secret. */
@Command(name = "set", description = "Set a lab variable: set NAME=VALUE (remembered for the lab unless secret).")
public final class SetCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "[LAB] NAME=VALUE", arity = "0..*", description = "From the OS shell: the lab first.", descriptionKey = "words.lab-then-values")
    List<String> words;

    public SetCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = LabArgs.of(ctx, words);
        LabSession s = a.session();
        if (a.rest().isEmpty() || a.rest().stream().anyMatch(w -> !w.contains("="))) {
            throw LabException.badInput(ctx.ui().msg().get("set.usage", ctx.typed("vars", s.lab().id())));
        }
        Ui ui = ctx.ui();
        for (String w : a.rest()) {
            String name = w.substring(0, w.indexOf('='));
            boolean remembered = s.set(name, w.substring(w.indexOf('=') + 1));
            ui.line(ui.msg().get(remembered ? "set.remembered" : "set.session", name));
        }
        return 0;
    }
}
