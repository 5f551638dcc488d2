package io.kubelab.shell;

import io.kubelab.shell.context.Environment;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The `lab` program. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        quietLibraries(List.of(args).contains("--debug"));
        int code = new LabShell(Environment.system()).execute(args);
        System.exit(code);
    }

    /**
     * The cluster client's HTTP stack (vert.x, netty) logs through java.util.logging, which by
     * default prints to stderr: a slow API server would put "Thread blocked" stack traces in the
     * learner's terminal. lab says what went wrong itself, in one line; --debug lets them through.
     */
    static void quietLibraries(boolean debug) {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(debug ? Level.WARNING : Level.OFF);
        if (debug) {
            Logger.getLogger("").addHandler(new java.util.logging.ConsoleHandler());
        }
    }
}
