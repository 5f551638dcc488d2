package io.kubelab.shell.commands;

import io.kubelab.checks.host.Cancellation;
import io.kubelab.labs.run.CheckReport;
import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.Reports;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", aliases = "verify", description = {"Verify a step (or the whole lab) on your environment.",
        "In the shell: the current step. From the OS shell: the whole lab."})
public final class CheckCommand implements Callable<Integer>, ReachesNodes {
    private final ShellContext ctx;

    @Mixin
    LabStepWords words;

    @Option(names = "--all", description = "Check the whole lab, not only the current step.")
    boolean all;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json|junit", defaultValue = "text",
            description = "Output format: text, json or junit (JUnit XML, for CI and grading).")
    OutputFormat output;

    public CheckCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabArgs a = words.of(ctx);
        LabSession s = a.session();
        boolean whole = a.rest().isEmpty() && (all || !ctx.inRepl());
        Cancellation cancel = ctx.startRunning(); // Ctrl-C in the REPL ends the checks' commands
        CheckReport report;
        try {
            report = s.check(whole ? List.of() : List.of(a.step()), cancel);
        } finally {
            ctx.doneRunning();
        }
        switch (output) {
            case json -> ctx.out().println(Reports.json(report));
            case junit -> ctx.out().println(Reports.junit(report));
            case text -> {
                Ui ui = ctx.ui();
                ui.checkLines(report.results());
                ui.summary(report);
            }
        }
        if (cancel.isCancelled()) {
            ctx.ui().warn(ctx.ui().msg().get("check.cancelled"));
            return ExitCode.NOT_DONE;
        }
        return exitCode(report);
    }

    /** 1 when anything failed; 3 when nothing failed but something could not be looked at. */
    static int exitCode(CheckReport report) {
        if (report.anyFailed()) {
            return ExitCode.NOT_DONE;
        }
        return report.anyError() ? ExitCode.UNREACHABLE : ExitCode.OK;
    }
}
