package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.machines.Machine;
import io.kubelab.shell.context.ShellContext;
import java.util.Iterator;
import java.util.List;

/** Completion candidates: the practice machines lab made (for `machines ssh` and `machines down`). */
public final class MachineNames implements Iterable<String> {
    private final ShellContext ctx;

    public MachineNames(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Iterator<String> iterator() {
        try {
            return ctx.machines().list().stream().map(Machine::name).toList().iterator();
        } catch (LabException e) {
            return List.<String>of().iterator(); // a damaged record of them is said by the commands, not at Tab
        }
    }
}
