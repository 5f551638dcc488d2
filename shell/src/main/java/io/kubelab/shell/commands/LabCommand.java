package io.kubelab.shell.commands;

import io.kubelab.shell.context.GlobalOptions;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.context.Version;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/** `lab`: with no command it opens the REPL. */
@Command(name = "lab", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = Version.class, sortOptions = false,
        description = "A training shell for building Kubernetes clusters, one step at a time.",
        footer = {"", "Exit codes: 0 ok, 1 checks failed or steps pending, 2 bad usage or invalid content,",
                "3 environment unreachable, 4 internal error."})
public final class LabCommand implements Callable<Integer> {
    /** Every command, in the order `lab help` lists them (see LabShell for why they are added by hand). */
    public static final List<Class<?>> COMMANDS = List.of(ListCommand.class, StartCommand.class, ShowCommand.class,
            RunCommand.class, CheckCommand.class, HintCommand.class, SolutionCommand.class, NextCommand.class,
            BackCommand.class, GotoCommand.class, StatusCommand.class, VarsCommand.class, SetCommand.class, EnvCommand.class, MachinesCommand.class, ResourcesCommand.class, AnswerCommand.class,
            ResetCommand.class, GradeCommand.class, TestCommand.class, ValidateCommand.class, ChecksCommand.class, ActionsCommand.class, DoctorCommand.class,
            CompletionCommand.class, CompleteCommand.class, CommandLine.HelpCommand.class, ExitCommand.class);

    private final ShellContext ctx;

    @Mixin
    GlobalOptions options;

    public LabCommand(ShellContext ctx) {
        this.ctx = ctx;
        this.options = ctx.options(); // picocli fills this instance, which the context reads
    }

    @Override
    public Integer call() {
        if (ctx.inRepl()) {
            return 0; // an empty line in the REPL
        }
        ctx.requestRepl(null);
        return 0;
    }
}
