package io.kubelab.shell.repl;

import io.kubelab.labs.LabException;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.values.ControlChars;
import io.kubelab.shell.context.ShellContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * The line editor on a real terminal: completion, history kept in the state folder, a status
 * line, and Ctrl-C that cancels the running command instead of ending the shell.
 */
final class TerminalLines implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;
    private final Status statusBar;
    private final ProcessPauses pauses = new ProcessPauses();
    /** The status line's text, drawn again when the learner brings lab back (fg) after Ctrl-Z. */
    private volatile List<AttributedString> statusText = List.of();

    TerminalLines(ShellContext ctx, picocli.CommandLine commands, Path history) {
        try {
            this.terminal = TerminalBuilder.builder().system(true).nativeSignals(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.handle(Terminal.Signal.INT, signal -> ctx.cancelRunning());
        // Ctrl-Z at the prompt: the line editor reads the key in raw mode and raises the signal for it.
        terminal.handle(Terminal.Signal.TSTP, signal -> suspend(true));
        // Ctrl-Z at any other time: the terminal driver's signal (installed after the line, which registers its own).
        JobControl.onStopSignal(this::stopSignalled);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lab")
                .completer(new ReplCompleter(commands))
                .history(new RedactingHistory(ctx))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 2000)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        this.statusBar = Terminal.TYPE_DUMB.equals(terminal.getType())
                || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType()) ? null : Status.getStatus(terminal);
        // Asked each time text is laid out, so that a resized terminal gets text re-wrapped to its new width.
        ctx.setColumns(terminal::getWidth);
    }

    @Override
    public String read(String prompt) {
        while (true) {
            try {
                return reader.readLine(ControlChars.escape(prompt));
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt clears the line; Ctrl-D (or exit) leaves.
                continue;
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public void status(String text) {
        if (statusBar != null) {
            statusText = List.of(new AttributedString(ControlChars.escape(text)));
            statusBar.update(statusText);
        }
    }

    /**
     * Ctrl-Z: lab stops as any program does, and the learner's shell gets the whole screen back — no
     * status line left at its bottom, no scroll region. {@code fg} brings lab and its status line back
     * (the line editor redraws the prompt itself when it is continued).
     */
    private void suspend(boolean wholeGroup) {
        if (statusBar != null) {
            statusBar.update(List.of());
        }
        terminal.flush();
        JobControl.stop(wholeGroup);
        if (statusBar != null) {
            statusBar.update(statusText);
        }
    }

    /**
     * The terminal driver stopped lab's job; lab caught the signal to clear its status line, so it still has to stop
     * itself — unless the signal's turn came after the job was continued: then it has been obeyed.
     */
    private void stopSignalled() {
        if (pauses.justContinued() || !JobControl.restOfJobStopped(Duration.ofMillis(250))) {
            return;
        }
        suspend(false);
    }

    /** Prompts for lab variables and confirmations inside the REPL; secrets are masked with '*'. */
    Prompter prompter() {
        return new Prompter() {
            @Override
            public Optional<String> ask(String question, boolean secret) {
                try {
                    return Optional.ofNullable(reader.readLine(ControlChars.escape(question.strip()) + " ", secret ? '*' : null));
                } catch (UserInterruptException | EndOfFileException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<Boolean> confirm(String question) {
                String answer;
                try {
                    answer = reader.readLine(ControlChars.escape(question.strip() + " [y/N]") + " ");
                } catch (UserInterruptException | EndOfFileException e) {
                    // Ctrl-C (or Ctrl-D) at a question is the learner taking it back: nothing runs.
                    throw LabException.badInput("cancelled");
                }
                return Optional.of(answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).matches("y|yes|是"));
            }
        };
    }

    @Override
    public void close() {
        pauses.close();
        try {
            if (statusBar != null) {
                statusBar.update(List.of()); // the learner's shell gets its bottom line back, empty
                statusBar.close();
            }
            terminal.close();
        } catch (IOException e) {
            // Leaving anyway.
        }
    }
}
