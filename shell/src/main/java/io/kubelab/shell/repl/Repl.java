package io.kubelab.shell.repl;

import io.kubelab.checks.Status;
import io.kubelab.labs.LabException;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.state.StepState;
import io.kubelab.shell.commands.CloudLedgerView;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.SyntaxError;
import picocli.CommandLine;

/**
 * The interactive shell: the same commands as `lab <command>`, typed one per line, on the lab
 * that is open. On a terminal it uses the line editor; from a pipe it reads plain lines.
 */
public final class Repl {
    private final ShellContext ctx;
    private final CommandLine commands;

    /** @param commands the whole command tree, wired to {@code ctx}: each line typed is run by it */
    public Repl(ShellContext ctx, CommandLine commands) {
        this.ctx = ctx;
        this.commands = commands;
    }

    public int run(String labId) {
        if (labId != null) {
            // A bad lab id ends here, before the shell starts, with the usual one line and exit 2.
            ctx.open(labId);
        }
        // Lines read from a pipe are a script: it ends with the status of the last line that did not
        // succeed (0 when all did), so `lab < lesson.txt` can fail a CI job. At a terminal a typo is just a typo.
        int status = ExitCode.OK;
        boolean script = !ctx.env().interactive();
        try (LineSource lines = lineSource()) {
            Ui ui = ctx.ui();
            if (ctx.session() == null) {
                ui.line(ui.style().bold(ui.msg().get("repl.welcome")));
                ui.line(ui.style().dim(ui.msg().get("repl.how")));
            } else {
                LabSession s = ctx.session();
                commands.execute("show");
                s.interrupted().ifPresent(step -> ctx.ui().warn(ctx.ui().msg().get("resume.interrupted", step.id())));
            }
            CloudLedgerView.warnIfBilling(ctx); // whatever lab the learner opens, the bill stays in view
            while (!ctx.exitRequested()) {
                lines.status(statusText());
                String line = lines.read(prompt());
                if (line == null) {
                    break;
                }
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                List<String> words;
                try {
                    words = new DefaultParser().parse(line, line.length()).words();
                } catch (SyntaxError e) {
                    ctx.ui().error(ctx.ui().msg().get("repl.unclosed-quote"));
                    status = ExitCode.USAGE;
                    continue;
                }
                words = words.stream().filter(w -> !w.isEmpty()).toList();
                if (!words.isEmpty() && words.get(0).equals("lab")) {
                    words = words.subList(1, words.size()); // `lab check` typed out of habit
                }
                if (!words.isEmpty()) {
                    int code = commands.execute(words.toArray(new String[0]));
                    status = code == ExitCode.OK ? status : code;
                }
            }
        } catch (LabException e) {
            ctx.ui().error(e.getMessage());
            return ExitCode.of(e);
        }
        return script ? status : ExitCode.OK;
    }

    private LineSource lineSource() {
        if (!ctx.env().interactive()) {
            ctx.enterRepl(null);
            return new PipeLines(ctx.env().in());
        }
        Path history = ctx.stateDir().resolve("history");
        try {
            io.kubelab.labs.state.AtomicFiles.ensurePrivateFile(history);
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot create " + ctx.stateDir() + ": " + e.getMessage());
        }
        TerminalLines terminal = new TerminalLines(ctx, commands, history);
        ctx.enterRepl(ctx.settings().canPrompt() ? terminal.prompter() : null);
        return terminal;
    }

    private String prompt() {
        LabSession s = ctx.session();
        if (s == null) {
            return "lab> ";
        }
        return "lab:" + s.lab().id() + " [" + (s.currentIndex() + 1) + "/" + s.lab().steps().size() + "]> ";
    }

    /** lab · step n of m · ✓ done ✗ failed */
    private String statusText() {
        LabSession s = ctx.session();
        Ui ui = ctx.ui();
        if (s == null) {
            return "lab — " + ui.msg().get("repl.no-lab");
        }
        long done = s.lab().steps().stream().filter(st -> s.progress().step(st.id()).state() == StepState.DONE).count();
        long failed = s.lab().steps().stream().filter(st -> s.progress().step(st.id()).state() == StepState.FAILED).count();
        return ui.msg().get("repl.status", s.lab().id(), s.currentIndex() + 1, s.lab().steps().size(),
                s.current().title().in(ctx.language()), Status.PASS.symbol() + " " + done,
                Status.FAIL.symbol() + " " + failed);
    }
}
