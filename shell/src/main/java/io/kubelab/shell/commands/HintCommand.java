package io.kubelab.shell.commands;

import io.kubelab.labs.model.Step;
import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "hint", description = "One more hint for the step (each call reveals the next).")
public final class HintCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    LabStepWords words;

    public HintCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = words.of(ctx);
        Step step = a.step();
        LabSession.HintReveal h = a.session().hint(step);
        Ui ui = ctx.ui();
        if (h.total() == 0) {
            ui.line(ui.msg().get("hint.none"));
            return 0;
        }
        for (int i = 0; i < h.shown(); i++) {
            String label = ui.msg().get("hint.label", i + 1, h.total());
            String text = h.revealed().get(i).in(ctx.language()).strip();
            if (i < h.shown() - 1) {
                ui.line(ui.style().dim(label + " " + text));
            } else {
                ui.line(ui.style().bold(label));
                ui.markdown(text);
            }
        }
        if (h.shown() == h.total()) {
            ui.line(ui.style().dim(ui.msg().get("hint.last")));
        }
        return 0;
    }
}
