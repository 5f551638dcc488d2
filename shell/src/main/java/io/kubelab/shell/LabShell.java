package io.kubelab.shell;

import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.context.GlobalOptions;
import io.kubelab.shell.context.Environment;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.labs.LabException;
import io.kubelab.shell.commands.LabCommand;
import io.kubelab.shell.ui.Messages;
import io.kubelab.shell.ui.Sentences;
import io.kubelab.shell.ui.Ui;
import java.lang.reflect.Constructor;
import io.kubelab.shell.commands.ReachesNodes;
import io.kubelab.shell.repl.Repl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Runs one `lab` command line (from the OS shell, or one line typed in the REPL) and turns
 * whatever went wrong into one clear line and an exit code.
 */
public final class LabShell {
    private final Environment env;

    public LabShell(Environment env) {
        this.env = env;
    }

    public int execute(String... args) {
        GlobalOptions options = new GlobalOptions();
        ShellContext ctx = new ShellContext(env, options);
        ctx.commandLineArgs(args);
        if (reachesNodes(args)) {
            ctx.nodeFactory().warmUp();
        }
        try {
            int code = commandLine(ctx, commandNamed(args)).execute(args);
            Optional<String> repl = ctx.replRequested();
            if (code == ExitCode.OK && repl.isPresent()) {
                try {
                    return new Repl(ctx, commandLine(ctx)).run(repl.get().isEmpty() ? null : repl.get());
                } catch (RuntimeException e) {
                    return handle(ctx, e);
                }
            }
            return code;
        } finally {
            ctx.closeSession();
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /** The whole command tree, wired to a context (the same tree serves the OS shell and each REPL line). */
    public static CommandLine commandLine(ShellContext ctx) {
        return commandLine(ctx, null);
    }

    /**
     * The command tree with every command, or only {@code only} when a command line names it:
     * picocli builds the model of each command it is given, and building all twenty for a one-off
     * `lab run` costs a noticeable part of its start-up.
     */
    static CommandLine commandLine(ShellContext ctx, String only) {
        ContextFactory factory = new ContextFactory(ctx);
        CommandLine cl = new CommandLine(new LabCommand(ctx), factory);
        for (Class<?> command : LabCommand.COMMANDS) {
            CommandLine.Command spec = command.getAnnotation(CommandLine.Command.class);
            if (only == null || spec.name().equals(only) || List.of(spec.aliases()).contains(only)) {
                try {
                    cl.addSubcommand(factory.create(command));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create the " + spec.name() + " command", e);
                }
            }
        }
        if ("zh-CN".equals(GlobalOptions.languageBefore(ctx.commandLineArgs(), ctx.env()))) {
            // Help in Chinese (help_zh_CN.properties); English comes from the annotations.
            cl.setResourceBundle(java.util.ResourceBundle.getBundle("io.kubelab.shell.help", java.util.Locale.SIMPLIFIED_CHINESE));
        }
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        // Help is plain text: the terminal writer lets through only lab's own colours.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedSubcommandsAllowed(false);
        cl.setExecutionExceptionHandler((e, command, parsed) -> handle(ctx, e));
        cl.setExecutionStrategy(parsed -> {
            try {
                ctx.options().validate();
            } catch (LabException e) {
                return handle(ctx, e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler((e, args) -> {
            // The line did not parse, so its --lang is read from the words themselves.
            String lang = GlobalOptions.languageBefore(ctx.commandLineArgs(), ctx.env());
            String label = new Messages(lang).get("error.prefix");
            ctx.err().println(Ui.labelled(ctx.ui().style().red(label), label, Sentences.say(usageLine(e), lang)));
            return ExitCode.USAGE;
        });
        return cl;
    }

    /** The global options that take a value, so that value is not mistaken for the command. */
    static final Set<String> OPTIONS_WITH_VALUES = optionNames(o -> o.arity().max() > 0);
    /** The global options that name an inventory: a command line with one reaches nodes. */
    static final Set<String> INVENTORY_OPTIONS = optionNames(o -> o.longestName().equals("--inventory"));

    private static Set<String> optionNames(Predicate<CommandLine.Model.OptionSpec> which) {
        Set<String> names = new HashSet<>();
        CommandLine.Model.CommandSpec.forAnnotatedObject(new GlobalOptions()).options().stream().filter(which)
                .forEach(o -> names.addAll(List.of(o.names())));
        return Set.copyOf(names);
    }

    /** The command a command line names when it is a known one without help; null for the whole tree. */
    static String commandNamed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (OPTIONS_WITH_VALUES.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return command(a).filter(c -> !List.of("help", "completion", "__complete").contains(c.name()))
                        .map(c -> a).orElse(null);
            }
        }
        return null;
    }

    /** Whether a command line will reach nodes: a command marked so, or an inventory given. */
    static boolean reachesNodes(String... args) {
        for (String a : args) {
            if (INVENTORY_OPTIONS.contains(a) || INVENTORY_OPTIONS.stream().anyMatch(o -> a.startsWith(o + "="))) {
                return true;
            }
        }
        String named = commandNamed(args);
        return named != null && LabCommand.COMMANDS.stream().anyMatch(c -> ReachesNodes.class.isAssignableFrom(c)
                && names(c).contains(named));
    }

    private static Optional<CommandLine.Command> command(String word) {
        return LabCommand.COMMANDS.stream().filter(c -> names(c).contains(word))
                .map(c -> c.getAnnotation(CommandLine.Command.class)).findFirst();
    }

    private static List<String> names(Class<?> command) {
        CommandLine.Command spec = command.getAnnotation(CommandLine.Command.class);
        List<String> names = new ArrayList<>(List.of(spec.aliases()));
        names.add(0, spec.name());
        return names;
    }

    static int handle(ShellContext ctx, Exception e) {
        Ui ui = ctx.ui();
        if (e instanceof LabException le) {
            ui.error(masked(ctx, le.getMessage()));
            if (ctx.settings().debug()) {
                le.printStackTrace(ctx.err());
            }
            return ExitCode.of(le);
        }
        ui.error(ui.msg().get("error.internal", e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + masked(ctx, e.getMessage()))));
        if (ctx.settings().debug()) {
            e.printStackTrace(ctx.err());
        }
        return ExitCode.INTERNAL;
    }

    /** A message with the open lab's secrets masked: an error can quote a command or a path that holds one. */
    private static String masked(ShellContext ctx, String message) {
        return ctx.session() == null ? message : ctx.session().variables().redactor().redact(message);
    }

    /** One line for a usage mistake: what was wrong, and where to read the right usage. */
    static String usageLine(CommandLine.ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            List<String> suggestions = u.getSuggestions();
            String hint = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
            if (first.startsWith("-")) {
                return "unknown option '" + first + "' for `" + name + "`" + hint + "; see `" + name + " --help`";
            }
            if (cmd.getParent() == null) {
                return "unknown command '" + first + "'" + hint + "; `lab help` lists the commands";
            }
            return "unexpected '" + first + "' for `" + name + "`" + hint + "; see `" + name + " --help`";
        }
        return e.getMessage() + "; see `" + name + " --help`";
    }

    /** Creates commands with the context when they take it, the picocli way otherwise. */
    private record ContextFactory(ShellContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(ShellContext.class);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
