package io.kubelab.shell.context;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.host.Cancellation;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.load.LabCatalog;
import io.kubelab.labs.machines.Machines;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.nodes.NodeFactory;
import io.kubelab.labs.nodes.NodeSettings;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.SessionConfig;
import io.kubelab.shell.ui.ConsoleListener;
import io.kubelab.shell.ui.ConsolePrompter;
import io.kubelab.shell.ui.Messages;
import io.kubelab.shell.ui.Style;
import io.kubelab.shell.ui.Ui;
import io.kubelab.shell.ui.TerminalSafeWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of `lab`: its environment, the settings of the command line being run, the registries
 * and catalog, and (in the REPL) the lab that stays open across lines. Commands get it from the
 * factory; nothing here is static.
 */
public final class ShellContext {
    private final Environment env;
    private final GlobalOptions options;
    private final CheckRegistry registry;
    private final ActionRegistry actions = ActionRegistry.standard();
    private final LabCatalog catalog;
    private final PrintWriter out;
    private final PrintWriter err;
    private final OpenLab openLab;
    private final ReplState repl = new ReplState();
    /** Asks through whichever prompter is current (the REPL's line editor once it runs). */
    private final Prompter asker = new Prompter() {
        @Override
        public Optional<String> ask(String question, boolean secret) {
            return prompter().ask(inLanguage(question), secret);
        }

        @Override
        public Optional<Boolean> confirm(String question) {
            return prompter().confirm(inLanguage(question));
        }
    };

    /** The engine's questions (sudo, host keys, passphrases) are English; each line is said in the learner's language. */
    private String inLanguage(String question) {
        return io.kubelab.shell.ui.Sentences.say(question, language());
    }
    private NodeFactory nodeFactory;

    public ShellContext(Environment env, GlobalOptions options) {
        this.env = env;
        this.options = options;
        this.registry = CheckRegistry.standard(env.variables());
        this.catalog = new LabCatalog(ShellContext.class.getClassLoader(), registry, actions, env.workingDirectory());
        this.out = terminalSafe(env.out());
        this.err = terminalSafe(env.err());
        this.openLab = new OpenLab(catalog::load, new OpenLab.SessionMaker() {
            @Override
            public LabSession open(Lab lab, Optional<Path> inventory) {
                return newSession(lab, inventory);
            }

            @Override
            public Optional<Path> inventoryFor(String lab, Optional<Path> inventory) {
                return nodeFactory().inventoryFor(lab, inventory);
            }
        });
    }

    private PrintWriter terminalSafe(OutputStream stream) {
        Writer utf8 = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        return new PrintWriter(new TerminalSafeWriter(utf8, () -> settings().color()), true);
    }

    private List<String> commandLineArgs = List.of();

    public Environment env() {
        return env;
    }

    /** The global options as picocli fills them for the command line being run. */
    public GlobalOptions options() {
        return options;
    }

    /** The settings of the command line being run. */
    public Settings settings() {
        return options.settings(env);
    }

    public CheckRegistry registry() {
        return registry;
    }

    public ActionRegistry actions() {
        return actions;
    }

    public LabCatalog catalog() {
        return catalog;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public String language() {
        return settings().language();
    }

    public Path stateDir() {
        return settings().stateDir();
    }

    public Messages messages() {
        return new Messages(language());
    }

    public Ui ui() {
        return new Ui(out, err, new Style(settings().color()), messages(), Math.min(repl.columns(env), 120),
                env.interactive());
    }

    public List<String> labIds() {
        return catalog.bundledIds();
    }

    // ---- the lab being worked on ----

    public LabSession session() {
        return openLab.session();
    }

    /** Opens a lab (closing the one before), at the step where the learner left off. */
    public LabSession open(String idOrPath) {
        return openLab.open(idOrPath, settings().inventory());
    }

    /** The lab a command works on: the REPL's open lab, or the one named on the OS command line. */
    public LabSession sessionFor(String labId) {
        return sessionFor(labId, true);
    }

    /**
     * The lab a command works on, its --set values applied.
     *
     * @param remember whether those values are kept for the lab; a dry run uses them for this once and
     *                 writes nothing, as it says
     */
    public LabSession sessionFor(String labId, boolean remember) {
        LabSession s = openLab.sessionFor(labId, settings().inventory());
        Map<String, String> sets = settings().sets();
        if (sets.isEmpty()) {
            return s;
        }
        if (!remember) {
            // From the OS shell the session was made with them; in the REPL they apply from this line on.
            io.kubelab.labs.run.Variables.checkNames(s.lab(), sets.keySet());
            sets.forEach(s.variables()::set);
            return s;
        }
        // In the REPL the lab was opened before this line: its --set values apply from here on. From
        // the OS shell they are already in the session; setting them again stores them now.
        sets.forEach(s::set);
        List<String> remembered = sets.keySet().stream().filter(s.variables().persistable()::containsKey).toList();
        if (!remembered.isEmpty()) {
            ui().note(ui().style().dim(messages().get("sets.remembered", s.lab().id(), String.join(", ", remembered))));
        }
        return s;
    }

    public void closeSession() {
        openLab.close();
    }

    private LabSession newSession(Lab lab, Optional<Path> inventory) {
        Settings s = settings();
        NodeFactory nodes = nodeFactory();
        SessionConfig config = new SessionConfig(s.stateDir(), env.variables(), s.language(), s.sets(), asker,
                new ConsoleListener(this::ui), registry, null);
        return new LabSession(lab, config, nodes.openFor(lab.stateKey(), inventory, s.acceptNewHostKeys()));
    }

    /**
     * How this run reaches the learner's machines; made on first use (maybe before the command line is
     * parsed, to warm SSH up) and kept, so SSH is prepared once. It reads the settings when it opens nodes.
     */
    public NodeFactory nodeFactory() {
        if (nodeFactory == null) {
            nodeFactory = new NodeFactory(() -> new NodeSettings(env.variables(), env.workingDirectory(), stateDir(), asker));
        }
        return nodeFactory;
    }

    /** The practice machines of this computer (`lab machines`). */
    public Machines machines() {
        return new Machines(stateDir(), new LocalHost(env.variables(), env.workingDirectory()), env.variables(), List.of());
    }

    // ---- asking, and the REPL ----

    public Prompter prompter() {
        if (!settings().canPrompt()) {
            return Prompter.NONE;
        }
        return repl.prompter().orElseGet(ConsolePrompter::new);
    }

    /** The words the OS shell gave lab (for what is decided before they are parsed, such as help's language). */
    public void commandLineArgs(String[] args) {
        this.commandLineArgs = List.of(args);
    }

    public List<String> commandLineArgs() {
        return commandLineArgs;
    }

    public boolean inRepl() {
        return repl.active();
    }

    /** A command as the learner types it where they are: {@code hint} in the REPL, {@code lab hint minikube} outside. */
    public String typed(String command, String labId) {
        return inRepl() ? command : "lab " + command + " " + labId;
    }

    public void enterRepl(Prompter replPrompter) {
        repl.enter(replPrompter);
    }

    /** Asks the program to open the REPL (on {@code lab} when not null) once this command returns. */
    public void requestRepl(String lab) {
        repl.request(lab);
    }

    /** The REPL a command asked for: empty when none; a present empty string means no lab. */
    public Optional<String> replRequested() {
        return repl.requested();
    }

    public void requestExit() {
        repl.requestExit();
    }

    public boolean exitRequested() {
        return repl.exitRequested();
    }

    /** Where the terminal's width comes from while the line editor runs (it changes when the window does). */
    public void setColumns(java.util.function.IntSupplier columns) {
        repl.setColumns(columns);
    }

    /** The cancel signal of the command now running, ended by Ctrl-C in the REPL. */
    public Cancellation startRunning() {
        return repl.startRunning();
    }

    public void cancelRunning() {
        repl.cancelRunning();
    }

    public void doneRunning() {
        repl.doneRunning();
    }
}
