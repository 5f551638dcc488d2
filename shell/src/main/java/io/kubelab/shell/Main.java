package io.kubelab.shell;

import io.kubelab.shell.context.Environment;

/** The `lab` program. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = new LabShell(Environment.system()).execute(args);
        System.exit(code);
    }
}
