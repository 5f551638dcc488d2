package io.kubelab.shell.commands;

import io.kubelab.checks.host.Cancellation;
import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.RunOptions;
import io.kubelab.labs.run.StepOutcome;
import io.kubelab.labs.state.StepState;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Sentences;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", description = {"Run a step's commands, then its checks.",
        "In the shell: the current step. From the OS shell: every pending step, in order, until one fails."})
public final class RunCommand implements Callable<Integer>, ReachesNodes {
    private final ShellContext ctx;

    @Mixin
    LabStepWords words;

    @Option(names = "--dry-run", description = "Print each command per target (secrets masked); run nothing.")
    boolean dryRun;

    @Option(names = "--all", description = "Run every pending step, not only the current one.")
    boolean all;

    @Option(names = {"-y", "--yes"}, description = "Run steps that ask first (teardowns) without asking.")
    boolean yes;

    @Option(names = "--stay", description = "In the shell: stay on the step when it is done (by default lab moves "
            + "on to the next one; KUBELAB_STAY=1 makes staying the default).")
    boolean stay;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "32",
            description = "How many hosts of a group run at once (default ${DEFAULT-VALUE}).")
    int parallel;

    public RunCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (parallel < 1) {
            throw LabException.badInput("--parallel " + parallel + " runs nothing; give at least 1 (default 32)");
        }
        LabArgs a = dryRun ? words.toLookAt(ctx) : words.of(ctx); // a dry run changes nothing, --set included
        LabSession s = a.session();
        boolean everyStep = a.rest().isEmpty() && (all || !ctx.inRepl());
        List<Step> steps = everyStep ? (dryRun ? s.lab().steps() : s.remaining()) : List.of(a.step());
        Ui ui = ctx.ui();
        if (dryRun) {
            for (Step step : steps) {
                ui.stepHeading(s.lab(), step, s.shown(step.title().in(ctx.language())));
                s.plan(List.of(step));
            }
            ui.note(ui.style().dim(ui.msg().get("run.dry-run-done")));
            return ExitCode.OK;
        }
        if (steps.isEmpty()) {
            ui.line(ui.msg().get("run.nothing-pending", s.lab().id()));
            return ExitCode.OK;
        }
        s.requireInventoryFor(steps); // one line before anything else when there are no nodes to run on
        if (!everyStep) {
            StepView.warnUnfinished(ctx, s, steps.get(0));
        }
        for (Step step : steps) {
            int code = runOne(s, step, ui);
            if (code != ExitCode.OK) {
                return code;
            }
        }
        if (!everyStep && ctx.inRepl() && steps.get(0).equals(s.current()) && !staying()) {
            // As rustlings does: a step whose checks pass leads straight on to the next one.
            if (s.next().isPresent()) {
                ui.line(ui.style().dim(ui.msg().get("run.advanced")));
                StepView.show(ctx, s, s.current());
            } else {
                ui.line(ui.msg().get("next.last", s.lab().id()));
            }
        }
        return ExitCode.OK;
    }

    private boolean staying() {
        return stay || "1".equals(ctx.env().get("KUBELAB_STAY"));
    }

    private int runOne(LabSession s, Step step, Ui ui) {
        ui.stepHeading(s.lab(), step, s.shown(step.title().in(ctx.language())));
        if (step.isQuestion() && step.actions().isEmpty()) {
            StepView.question(ui, step, ctx.language());
            return ExitCode.OK;
        }
        Cancellation cancel = ctx.startRunning();
        StepOutcome o;
        try {
            o = s.run(step, new RunOptions(yes, cancel, parallel));
        } finally {
            ctx.doneRunning();
        }
        ui.checkLines(o.checks());
        if (o.cancelled()) {
            ui.warn(ui.msg().get("run.cancelled", step.id()));
            return ExitCode.NOT_DONE;
        }
        if (o.state() != StepState.DONE) {
            ui.error(ui.msg().get("run.step-failed", step.id(), Sentences.sayEach(o.problem(), ui.msg().language())));
            ui.note(ui.style().dim(ui.msg().get("run.after-failure")));
            return o.couldNotLook() ? ExitCode.UNREACHABLE : ExitCode.NOT_DONE;
        }
        ui.line(ui.style().green("✓ " + ui.msg().get("run.step-done", step.id())));
        if (ctx.inRepl() && staying()) {
            ui.line(ui.style().dim(ui.msg().get("run.next-hint")));
        }
        return ExitCode.OK;
    }
}
