package io.kubelab.shell;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.host.Cancellation;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.LabCatalog;
import io.kubelab.labs.nodes.NodeFactory;
import io.kubelab.labs.nodes.NodeSettings;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.run.SessionConfig;
import io.kubelab.shell.ui.ConsoleListener;
import io.kubelab.shell.ui.ConsolePrompter;
import io.kubelab.shell.ui.Messages;
import io.kubelab.shell.ui.Style;
import io.kubelab.shell.ui.Ui;
import java.io.PrintWriter;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of `lab`: its environment, its options, and (in the REPL) the lab being worked on.
 * Commands get it from the factory; nothing here is static.
 */
public final class ShellContext {
    private final Environment env;
    private final GlobalOptions options;
    private final CheckRegistry registry;
    private final LabCatalog catalog;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ActionRegistry actions = ActionRegistry.standard();
    private LabSession session;
    private NodeFactory nodeFactory;
    /** How the open lab was named (an id or a folder), to reopen it. */
    private String sessionSource;
    private boolean repl;
    private boolean exitRequested;
    private Prompter prompter;
    private volatile Cancellation running;
    private int columns;

    public ShellContext(Environment env, GlobalOptions options) {
        this.env = env;
        this.options = options;
        this.registry = CheckRegistry.standard(env.variables());
        this.catalog = new LabCatalog(ShellContext.class.getClassLoader(), registry, actions, env.workingDirectory());
        this.out = new PrintWriter(env.out(), true, StandardCharsets.UTF_8);
        this.err = new PrintWriter(env.err(), true, StandardCharsets.UTF_8);
    }

    public Environment env() {
        return env;
    }

    public GlobalOptions options() {
        return options;
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

    /** Refuses option values picocli cannot check itself; called before any command runs. */
    public void validateOptions() {
        if (options.language != null && !options.language.equals("en") && !options.language.equals("zh-CN")) {
            throw LabException.badInput("--lang must be en or zh-CN, not '" + options.language + "'");
        }
    }

    /** The learner's language: --lang, else LC_ALL / LC_MESSAGES / LANG; English when unknown. */
    public String language() {
        if (options.language != null && (options.language.equals("en") || options.language.equals("zh-CN"))) {
            return options.language;
        }
        String lang = env.getOrDefault("LC_ALL", env.getOrDefault("LC_MESSAGES", env.get("LANG")));
        return Messages.languageFromLocale(lang);
    }

    public Messages messages() {
        return new Messages(language());
    }

    public boolean color() {
        return switch (options.color) {
            case always -> true;
            case never -> false;
            case auto -> env.interactive() && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
        };
    }

    /** May lab ask the learner anything? Not with --no-input, and not when stdin is not a terminal. */
    public boolean canPrompt() {
        return !options.noInput && env.interactive();
    }

    public void setColumns(int columns) {
        this.columns = columns;
    }

    public int columns() {
        if (columns > 0) {
            return columns;
        }
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "100"));
            return c > 20 ? c : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    public Ui ui() {
        return new Ui(out, err, new Style(color()), messages(), Math.min(columns(), 120));
    }

    public Path stateDir() {
        if (options.stateDir != null) {
            return options.stateDir.toAbsolutePath();
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "kubelab");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state", "kubelab");
    }

    // ---- the REPL's lab ----

    public boolean inRepl() {
        return repl;
    }

    public void enterRepl(Prompter replPrompter) {
        this.repl = true;
        this.prompter = replPrompter;
    }

    public LabSession session() {
        return session;
    }

    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    /** Opens a lab (closing the one before), at the step where the learner left off. */
    public LabSession open(String idOrPath) {
        Lab lab = catalog.load(idOrPath);
        if (session != null && session.lab().id().equals(lab.id()) && !inventoryChanged()) {
            return session;
        }
        closeSession();
        session = newSession(lab);
        sessionSource = idOrPath;
        return session;
    }

    /** A REPL line gave another --inventory than the open lab uses: it must be reopened on those nodes. */
    private boolean inventoryChanged() {
        Optional<Path> given = nodeFactory().inventoryFor(null, inventoryOption());
        return given.isPresent() && !given.equals(session.nodes().inventoryFile());
    }

    /** The lab a command works on: the REPL's open lab, or the one named on the OS command line. */
    public LabSession sessionFor(String labId) {
        if (labId != null) {
            return open(labId);
        }
        if (session != null) {
            return inventoryChanged() ? open(sessionSource) : session;
        }
        throw LabException.badInput("which lab? name it (e.g. `check minikube`) or `start <lab>` first; `list` shows them");
    }

    private LabSession newSession(Lab lab) {
        Nodes nodes = nodeFactory().open(nodeFactory().inventoryFor(lab.id(), inventoryOption()));
        Map<String, String> given = new HashMap<>(options.sets);
        SessionConfig config = new SessionConfig(stateDir(), env.variables(), language(),
                given, prompter(), new ConsoleListener(this), registry, null);
        return new LabSession(lab, config, nodes);
    }

    /** --inventory as given (relative paths are resolved by the node factory). */
    public Optional<Path> inventoryOption() {
        return Optional.ofNullable(options.inventory);
    }

    /** How this run reaches the learner's machines; made once, on first use. */
    public NodeFactory nodeFactory() {
        if (nodeFactory == null) {
            nodeFactory = new NodeFactory(new NodeSettings(env.variables(), env.workingDirectory(), stateDir(), prompter(),
                    options.acceptNewHostKeys));
        }
        return nodeFactory;
    }

    /** Starts preparing SSH in the background when a command is likely to reach the learner's nodes. */
    void warmUpSshFor(String... args) {
        java.util.Set<String> reaching = java.util.Set.of("run", "check", "verify", "env", "-i", "--inventory");
        for (String a : args) {
            if (reaching.contains(a) || a.startsWith("--inventory=")) {
                nodeFactory().warmUp();
                return;
            }
        }
    }

    public Prompter prompter() {
        if (!canPrompt()) {
            return Prompter.NONE;
        }
        return prompter != null ? prompter : new ConsolePrompter();
    }

    public void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** The cancel signal of the command now running, ended by Ctrl-C in the REPL. */
    public Cancellation startRunning() {
        running = new Cancellation();
        return running;
    }

    public void cancelRunning() {
        Cancellation c = running;
        if (c != null) {
            c.cancel();
        }
    }

    public void doneRunning() {
        running = null;
    }

    public List<String> labIds() {
        return catalog.bundledIds();
    }
}
