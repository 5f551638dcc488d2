package io.kubelab.shell.commands;

import io.kubelab.shell.context.ShellContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "exit", aliases = "quit", description = "Leave the shell (progress is already saved).")
public final class ExitCommand implements Callable<Integer> {
    private final ShellContext ctx;

    public ExitCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.requestExit();
        return 0;
    }
}
