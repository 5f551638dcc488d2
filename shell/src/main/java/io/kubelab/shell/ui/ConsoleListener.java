package io.kubelab.shell.ui;

import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.actions.NodeOutcome;
import io.kubelab.labs.run.RunListener;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Shows a running step: each command (redacted) and where it runs before it starts, its output as
 * it comes (prefixed by host when not local), a note every so often on long commands, and one
 * line per host when it ends.
 */
public final class ConsoleListener implements RunListener {
    private final Supplier<Ui> ui;
    /** Lines from nodes running at once are printed whole, one at a time. */
    private final Object lock = new Object();

    /** @param ui the terminal as it is now (its width and the learner's language may change between lines) */
    public ConsoleListener(Supplier<Ui> ui) {
        this.ui = ui;
    }

    /**
     * The terminal as it was when the last command started: a command's output lines (millions,
     * for some) use it instead of asking the settings again for every line.
     */
    private volatile Ui forOutput;

    private Ui ui() {
        Ui now = ui.get();
        forOutput = now;
        return now;
    }

    private Ui forOutput() {
        Ui u = forOutput;
        return u != null ? u : ui();
    }

    @Override
    public void commandStarting(Step step, String host, String command) {
        Ui ui = ui();
        synchronized (lock) {
            ui.line(ui.style().bold("→ " + where(ui, host)) + " " + ui.style().code(indented(command)));
        }
    }

    @Override
    public void commandSkipped(Step step, String host, String command, String reason) {
        Ui ui = ui();
        synchronized (lock) {
            ui.line(ui.style().dim("- " + ui.msg().get("run.skipped", where(ui, host), firstLine(command),
                    Sentences.say(reason, ui.msg().language()))));
        }
    }

    @Override
    public void output(String host, OutputListener.Stream stream, String line) {
        Ui ui = forOutput();
        String prefix = host.equals("local") ? "  " : "  " + host + " | ";
        synchronized (lock) {
            ui.lineUnflushed(ui.style().dim(prefix) + line);
        }
    }

    @Override
    public void warning(String message) {
        Ui ui = ui();
        synchronized (lock) {
            ui.out().flush();
            ui.warn(Sentences.say(message, ui.msg().language()));
        }
    }

    /** Output is flushed when a command pauses, not after every line: a command printing millions stays fast. */
    @Override
    public void outputPaused() {
        Ui ui = forOutput();
        synchronized (lock) {
            ui.out().flush();
        }
    }

    @Override
    public void stillRunning(String host, String command, Duration elapsed) {
        Ui ui = ui();
        synchronized (lock) {
            ui.note(ui.style().dim("  … " + ui.msg().get("run.still-running", where(ui, host), elapsed.toSeconds())));
        }
    }

    @Override
    public void commandFinished(Step step, String host, NodeOutcome o) {
        Ui ui = ui();
        String secs = String.format(java.util.Locale.ROOT, "%.1f", o.elapsed().toMillis() / 1000.0);
        synchronized (lock) {
            if (o.ok()) {
                ui.line(ui.style().green("✓ " + ui.msg().get("run.ok", where(ui, host), secs)));
            } else {
                ui.line(ui.style().red("✗ " + ui.msg().get("run.failed", where(ui, host),
                        Sentences.say(o.problem(), ui.msg().language()), secs)));
            }
        }
    }

    @Override
    public void planned(Step step, String host, String command, String guard) {
        Ui ui = ui();
        synchronized (lock) {
            ui.line("  " + ui.msg().get("run.where", where(ui, host)) + ui.style().code(indented(command))
                    + (guard.isEmpty() ? "" : ui.style().dim("   # " + Sentences.say(guard, ui.msg().language()))));
        }
    }

    @Override
    public void captured(String variable, String shownValue) {
        Ui ui = ui();
        synchronized (lock) {
            ui.line(ui.style().dim("  " + ui.msg().get("run.captured", variable, shownValue)));
        }
    }

    /** A script of several lines, its later lines indented under the first. */
    private static String indented(String command) {
        return command.strip().replace("\n", "\n      ");
    }

    /** A skipped script is named by its first line. */
    private static String firstLine(String command) {
        String c = command.strip();
        int nl = c.indexOf('\n');
        return nl < 0 ? c : c.substring(0, nl) + " …";
    }

    private static String where(Ui ui, String host) {
        return host.equals("local") ? ui.msg().get("run.local") : host;
    }
}
