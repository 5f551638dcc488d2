package io.kubelab.shell.context;

import io.kubelab.checks.host.Cancellation;
import io.kubelab.labs.Prompter;
import java.util.Optional;

/** What the REPL keeps between the lines typed into it (the open lab aside: that is {@link OpenLab}). */
final class ReplState {
    private boolean active;
    private Prompter prompter;
    private String requested;
    private boolean exitRequested;
    private volatile Cancellation running;
    private java.util.function.IntSupplier columns = () -> 0;

    boolean active() {
        return active;
    }

    void enter(Prompter replPrompter) {
        active = true;
        prompter = replPrompter;
    }

    Optional<Prompter> prompter() {
        return Optional.ofNullable(prompter);
    }

    void request(String lab) {
        requested = lab == null ? "" : lab;
    }

    Optional<String> requested() {
        return Optional.ofNullable(requested);
    }

    void requestExit() {
        exitRequested = true;
    }

    boolean exitRequested() {
        return exitRequested;
    }

    void setColumns(java.util.function.IntSupplier columns) {
        this.columns = columns;
    }

    /** The terminal's width: what the line editor measured, else $COLUMNS, else 100. */
    int columns(Environment env) {
        int now = columns.getAsInt();
        if (now > 20) {
            return now;
        }
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "100"));
            return c > 20 ? c : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    Cancellation startRunning() {
        running = new Cancellation();
        return running;
    }

    void cancelRunning() {
        Cancellation c = running;
        if (c != null) {
            c.cancel();
        }
    }

    void doneRunning() {
        running = null;
    }
}
