package io.kubelab.shell.commands;

import io.kubelab.labs.model.Variable;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.Variables;
import io.kubelab.labs.values.Redactor;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vars`: the lab's variables, their values (secrets masked) and where each came from. */
@Command(name = "vars", description = "The lab's variables: each value (secrets as ******) and where it came from.")
public final class VarsCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "[LAB]", arity = "0..1", description = "From the OS shell: the lab.", descriptionKey = "words.lab")
    List<String> words;

    public VarsCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabSession s = LabArgs.of(ctx, words).session();
        Ui ui = ctx.ui();
        Variables vars = s.variables();
        int width = s.lab().variables().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Variable v : s.lab().variables().values()) {
            Optional<String> value = vars.get(v.name());
            String shown = value.isEmpty() ? ui.style().dim(ui.msg().get("vars.none"))
                    : v.secret() ? Redactor.MASK : value.get().isEmpty() ? ui.style().dim(ui.msg().get("vars.empty"))
                    : value.get();
            String from = vars.origin(v.name()).map(o -> ui.msg().get("vars.from." + o.word())).orElse("");
            ui.line(String.format("%-" + width + "s  %s", v.name(), shown) + (from.isEmpty() ? "" : "  "
                    + ui.style().dim(ui.msg().get("vars.from", from))));
        }
        ui.line(ui.style().dim(ui.msg().get("vars.how", ctx.typed("set", s.lab().id()))));
        return 0;
    }
}
