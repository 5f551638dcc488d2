package io.kubelab.shell.e2e;

import io.kubelab.shell.ShellRun.Result;

/**
 * A machine whose first boot hung is started again by lab, or booted with a failed unit, and the
 * test passes: what lab and systemd said of it would be lost. It goes to the test log, which CI keeps.
 */
final class BootReport {
    private BootReport() {
    }

    static Result logged(Result up) {
        up.err().lines().filter(l -> l.contains(" again") || l.contains("still booting") || l.contains("a unit failed"))
                .forEach(l -> System.err.println("e2e: a machine's boot did not go plainly: " + l));
        return up;
    }
}
