package io.kubelab.shell.commands;

import io.kubelab.labs.model.Lab;
import io.kubelab.labs.state.ProgressStore;
import io.kubelab.labs.state.Progress;
import io.kubelab.labs.state.StepState;
import io.kubelab.shell.ShellContext;
import io.kubelab.shell.report.Json;
import io.kubelab.shell.ui.TextWidth;
import io.kubelab.shell.ui.Ui;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : ctx.labIds()) {
            Lab lab = ctx.catalog().load(id);
            Optional<Progress> p = store.load(id);
            long done = p.map(pr -> lab.steps().stream().filter(s -> pr.step(s.id()).state() == StepState.DONE).count())
                    .orElse(0L);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("title", lab.title().in(lang));
            row.put("steps", lab.steps().size());
            row.put("done", done);
            row.put("current", p.map(Progress::current).orElse(null));
            rows.add(row);
        }
        if (json) {
            ctx.out().println(Json.write(Map.of("labs", rows)));
            return 0;
        }
        Ui ui = ctx.ui();
        int idWidth = rows.stream().mapToInt(r -> r.get("id").toString().length()).max().orElse(4);
        for (Map<String, Object> r : rows) {
            String id = r.get("id").toString();
            String progress = r.get("current") == null ? ui.msg().get("list.not-started")
                    : ui.msg().get("list.progress", r.get("done"), r.get("steps"));
            String title = r.get("title").toString();
            ui.line(ui.style().bold(id) + " ".repeat(idWidth - id.length() + 2) + title
                    + " ".repeat(Math.max(2, 44 - TextWidth.of(title))) + ui.style().dim(progress));
        }
        ui.note(ui.style().dim(ui.msg().get("list.start-hint")));
        return 0;
    }
}
