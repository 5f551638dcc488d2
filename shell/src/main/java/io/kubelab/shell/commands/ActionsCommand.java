package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.actions.ActionKind;
import io.kubelab.labs.actions.Key;
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

@Command(name = "actions", description = "List the action kinds lab YAML can use: what each does, its keys, an example.")
public final class ActionsCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "KIND", arity = "0..1", description = "Show only this kind.", descriptionKey = "words.kind")
    String only;

    @Mixin
    TextOrJson output;

    public ActionsCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        List<ActionKind> kinds = ctx.actions().all().stream().filter(k -> only == null || k.word().equals(only)).toList();
        if (kinds.isEmpty()) {
            throw LabException.badInput("no action kind '" + only + "'; `lab actions` lists them: "
                    + String.join(", ", ctx.actions().words()));
        }
        if (json) {
            ctx.out().println(Json.write(Views.ActionKinds.of(kinds)));
            return 0;
        }
        Ui ui = ctx.ui();
        for (ActionKind k : kinds) {
            ui.line(ui.style().bold(k.word()) + "  " + Sentences.say(k.summary(), ui.msg().language()));
            for (Key key : k.keys()) {
                line(ui, key, "    ");
                key.fields().forEach(f -> line(ui, f, "        "));
            }
            for (String line : k.example().split("\n")) {
                ui.line("      " + ui.style().dim(line));
            }
            ui.blank();
        }
        return 0;
    }

    private static void line(Ui ui, Key key, String indent) {
        String description = Sentences.say(key.description(), ui.msg().language());
        ui.line(indent + ui.style().code(key.name()) + (key.required() ? " (" + ui.msg().get("checks.required") + ")" : "")
                + ui.style().dim(" " + key.type().word()) + "  " + description);
    }
}
