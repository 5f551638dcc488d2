package io.kubelab.shell.commands;

import io.kubelab.checks.CheckKind;
import io.kubelab.checks.ParamSpec;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.Json;
import io.kubelab.shell.report.Views;
import io.kubelab.shell.ui.Sentences;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "checks", description = "List the check kinds lab YAML can use: what each verifies, its parameters, an example.")
public final class ChecksCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "KIND", arity = "0..1", description = "Show only this kind.", descriptionKey = "words.kind")
    String only;

    @Mixin
    TextOrJson output;

    public ChecksCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        List<CheckKind> kinds = ctx.registry().all().stream().filter(k -> only == null || k.name().equals(only)).toList();
        if (kinds.isEmpty()) {
            throw io.kubelab.labs.LabException.badInput("no check kind '" + only + "'; `lab checks` lists them: "
                    + String.join(", ", ctx.registry().names()));
        }
        if (json) {
            ctx.out().println(Json.write(Views.CheckKinds.of(kinds)));
            return 0;
        }
        Ui ui = ctx.ui();
        String lang = ui.msg().language();
        for (CheckKind k : kinds) {
            ui.line(ui.style().bold(k.name()) + ui.style().dim("  [" + k.scope().name().toLowerCase(java.util.Locale.ROOT)
                    + "]") + "  " + Sentences.say(k.summary(), lang));
            for (ParamSpec p : k.params()) {
                ui.line("    " + ui.style().code(p.name()) + (p.required() ? " (" + ui.msg().get("checks.required") + ")" : "")
                        + ui.style().dim(" " + p.type().word()) + "  " + Sentences.say(p.description(), lang));
            }
            for (String line : k.example().split("\n")) {
                ui.line("      " + ui.style().dim(line));
            }
            ui.blank();
        }
        return 0;
    }
}
