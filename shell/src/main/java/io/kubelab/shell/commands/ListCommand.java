package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.state.ProgressStore;
import io.kubelab.labs.state.Progress;
import io.kubelab.labs.state.StepState;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.Json;
import io.kubelab.shell.report.Views;
import io.kubelab.labs.values.TextWidth;
import io.kubelab.shell.ui.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", aliases = "ls", description = "List the labs, with your progress in each.")
public final class ListCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    TextOrJson output;

    public ListCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        ProgressStore store = new ProgressStore(ctx.stateDir());
        String lang = ctx.language();
        List<Views.LabRow> rows = new ArrayList<>();
        for (String id : ctx.labIds()) {
            Lab lab = ctx.catalog().load(id);
            Optional<Progress> p;
            String problem = null;
            try {
                p = store.load(lab.stateKey());
            } catch (LabException e) { // one damaged file never hides the other labs
                p = Optional.empty();
                problem = e.getMessage();
            }
            long done = p.map(pr -> lab.steps().stream().filter(s -> pr.step(s.id()).state() == StepState.DONE).count())
                    .orElse(0L);
            rows.add(new Views.LabRow(id, lab.title().in(lang), lab.steps().size(), done,
                    p.map(Progress::current).orElse(null), problem));
        }
        if (json) {
            ctx.out().println(Json.write(new Views.Labs(rows)));
            return 0;
        }
        Ui ui = ctx.ui();
        int idWidth = rows.stream().mapToInt(r -> r.id().length()).max().orElse(4);
        for (Views.LabRow r : rows) {
            String progress = r.problem() != null ? ui.msg().get("list.damaged", r.id())
                    : r.current() == null ? ui.msg().get("list.not-started")
                    : ui.msg().get("list.progress", r.done(), r.steps());
            ui.line(ui.style().bold(r.id()) + " ".repeat(idWidth - r.id().length() + 2) + r.title()
                    + " ".repeat(Math.max(2, 44 - TextWidth.of(r.title()))) + ui.style().dim(progress));
        }
        ui.note(ui.style().dim(ui.msg().get("list.start-hint")));
        CloudLedgerView.warnIfBilling(ctx);
        return 0;
    }
}
