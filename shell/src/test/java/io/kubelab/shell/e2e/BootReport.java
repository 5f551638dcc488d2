package io.kubelab.shell.e2e;

import io.kubelab.shell.ShellRun.Result;

/**
 * A machine whose first boot hung is started again by lab, which then succeeds: the test passes,
 * and what lab and systemd said of the hang would be lost. It goes to the test log, which CI keeps.
 */
final class BootReport {
    private BootReport() {
    }

    static Result logged(Result up) {
        up.err().lines().filter(l -> l.contains(" again") || l.contains("still booting"))
                .forEach(l -> System.err.println("e2e: a machine's boot hung: " + l));
        return up;
    }
}
