package io.kubelab.shell.commands;

import io.kubelab.labs.model.Step;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.state.StepProgress;
import io.kubelab.labs.state.StepState;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.Json;
import io.kubelab.shell.report.Views;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", description = "Where you are in a lab: every step and its state. Exit 1 while steps are pending.")
public final class StatusCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    LabWord lab;

    @Mixin
    TextOrJson output;

    public StatusCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        LabSession s = lab.session(ctx);
        String lang = ctx.language();
        List<Step> pending = s.pending();
        if (json) {
            List<Views.StepRow> steps = s.lab().steps().stream().map(step -> {
                StepProgress p = s.progress().step(step.id());
                return new Views.StepRow(step.id(), step.title().in(lang), p.state().word(), step.optional(),
                        p.hintsShown(), step.isQuestion() ? p.correct() : null);
            }).toList();
            ctx.out().println(Json.write(new Views.Status(s.lab().id(), s.current().id(),
                    pending.stream().map(Step::id).toList(), steps)));
        } else {
            Ui ui = ctx.ui();
            ui.line(ui.style().bold(s.lab().title().in(lang)) + ui.style().dim("  (" + s.lab().id() + ")"));
            for (int i = 0; i < s.lab().steps().size(); i++) {
                Step step = s.lab().steps().get(i);
                StepState st = s.progress().step(step.id()).state();
                String mark = switch (st) {
                    case DONE -> ui.style().green("✓ " + ui.msg().get("state.done"));
                    case FAILED -> ui.style().red("✗ " + ui.msg().get("state.failed"));
                    case RUNNING -> ui.style().yellow("! " + ui.msg().get("state.running"));
                    case PENDING -> ui.style().dim("· " + ui.msg().get("state.pending"));
                };
                String here = step.id().equals(s.current().id()) ? ui.style().bold(" ◀") : "";
                String title = step.title().in(lang);
                // "Tear down (optional)" says so itself: no second "(optional)" after it.
                boolean says = title.contains(ui.msg().get("state.optional"));
                ui.line(String.format("%2d. %s  %s%s%s", i + 1, mark, title,
                        step.optional() && !says ? ui.style().dim(" (" + ui.msg().get("state.optional") + ")") : "", here));
            }
            ui.line(pending.isEmpty() ? ui.style().green(ui.msg().get("status.complete"))
                    : ui.msg().get("status.pending", pending.size()));
            CloudLedgerView.warnIfBilling(ctx);
        }
        return pending.isEmpty() ? ExitCode.OK : ExitCode.NOT_DONE;
    }
}
