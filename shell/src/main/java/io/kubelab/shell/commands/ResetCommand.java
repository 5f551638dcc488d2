package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.state.ProgressStore;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", description = {"Forget your progress in a step (or, with --all, the whole lab).",
        "Only lab's record is reset; nothing in your environment is touched."})
public final class ResetCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    LabStepWords words;

    @Option(names = "--all", description = "Reset every step of the lab.")
    boolean all;

    @Option(names = {"-y", "--yes"}, description = "Do not ask first.")
    boolean yes;

    public ResetCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Ui ui = ctx.ui();
        LabArgs a;
        try {
            a = words.of(ctx);
        } catch (ProgressStore.Damaged damaged) {
            if (!all) {
                throw damaged;
            }
            // What `reset --all` is for: the damaged file is kept aside, never deleted, and the lab starts again.
            ui.warn(ui.msg().get("reset.damaged-aside", damaged.setAside()));
            a = words.of(ctx);
        }
        LabSession s = a.session();
        if (all && !a.rest().isEmpty()) {
            throw LabException.badInput("give a step or --all, not both");
        }
        Step step = all ? null : a.step();
        String what = all ? ui.msg().get("reset.what-all", s.lab().id()) : ui.msg().get("reset.what-step", step.id());
        if (!yes) {
            Optional<Boolean> ok = ctx.prompter().confirm(ui.msg().get("reset.ask", what));
            if (ok.isEmpty()) {
                throw LabException.badInput("reset asks first; pass --yes to reset " + what + " without asking");
            }
            if (!ok.get()) {
                ui.line(ui.msg().get("reset.kept"));
                return 0;
            }
        }
        if (all) {
            s.resetAll();
        } else {
            s.reset(step);
        }
        ui.line(ui.msg().get("reset.done", what));
        return 0;
    }
}
