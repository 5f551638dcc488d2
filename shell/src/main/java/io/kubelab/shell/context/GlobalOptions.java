package io.kubelab.shell.context;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.kubelab.labs.LabException;
import io.kubelab.shell.ui.Messages;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes (`lab check minikube --lang zh-CN` and `lab --lang zh-CN check
 * minikube` alike), as picocli fills them; {@link #settings} makes them into immutable settings.
 */
public final class GlobalOptions {

    public enum ColorMode { auto, always, never }

    @Option(scope = ScopeType.INHERIT, names = "--lang", paramLabel = "en|zh-CN", description = "Language: en or zh-CN (default: from LANG).",
            completionCandidates = Languages.class)
    private String language;

    @Option(scope = ScopeType.INHERIT, names = "--color", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Colour: auto (only on a terminal, and not with NO_COLOR), always, never.")
    private ColorMode color = ColorMode.auto;

    @Option(scope = ScopeType.INHERIT, names = "--no-input", description = "Never ask anything (also when stdin is not a terminal).")
    private boolean noInput;

    @Option(scope = ScopeType.INHERIT, names = "--set", paramLabel = "NAME=VALUE", description = "Set a lab variable (repeatable).",
            mapFallbackValue = "")
    private Map<String, String> sets = new LinkedHashMap<>();

    @Option(scope = ScopeType.INHERIT, names = "--state-dir", paramLabel = "DIR",
            description = "Where progress, transcripts and history are kept (default: $XDG_STATE_HOME/kubelab).")
    private Path stateDir;

    @Option(scope = ScopeType.INHERIT, names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    @Option(scope = ScopeType.INHERIT, names = {"-i", "--inventory"}, paramLabel = "FILE",
            description = "Your nodes: an Ansible inventory (YAML or INI). Remembered per lab once given.")
    private Path inventory;

    @Option(scope = ScopeType.INHERIT, names = "--accept-new-host-keys",
            description = "Accept and remember host keys never seen before without asking (a changed key is always refused).")
    private boolean acceptNewHostKeys;

    /** Refuses option values picocli cannot check itself; called before any command runs. */
    public void validate() {
        if (language != null && canonical(language) == null) {
            throw LabException.badInput("--lang must be en or zh-CN (zh, zh_CN.UTF-8 and the like are zh-CN), not '"
                    + language + "'");
        }
    }

    /** The settings these options give in {@code env}. Never fails: an unknown --lang, refused by {@link #validate}, reads as unset. */
    public Settings settings(Environment env) {
        String lang = language != null && canonical(language) != null ? canonical(language)
                : fromLocale(env);
        boolean colour = switch (color) {
            case always -> true;
            case never -> false;
            case auto -> env.interactive() && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
        };
        return new Settings(lang, colour, !noInput && env.interactive(), sets, stateDir(env), debug,
                Optional.ofNullable(inventory), acceptNewHostKeys);
    }

    private Path stateDir(Environment env) {
        if (stateDir != null) {
            return stateDir.toAbsolutePath();
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "kubelab");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state", "kubelab");
    }

    /**
     * The language a --lang value means: en, or zh-CN written as a learner may write it (zh, zh-cn,
     * zh_CN, zh_CN.UTF-8, as LANG spells it); null when it is neither.
     */
    public static String canonical(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        int dot = v.indexOf('.');
        v = dot < 0 ? v : v.substring(0, dot);
        if (v.equals("en") || v.startsWith("en-") || v.equals("c") || v.equals("posix")) {
            return "en";
        }
        if (v.equals("zh") || v.equals("zh-cn") || v.equals("zh-hans") || v.equals("zh-sg")) {
            return "zh-CN";
        }
        return null;
    }

    /**
     * The language a command line asks for before it is parsed (its --lang, else LC_ALL, LC_MESSAGES
     * or LANG): help is made before the options are read.
     */
    public static String languageBefore(List<String> args, Environment env) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = a.startsWith("--lang=") ? a.substring(7) : a.equals("--lang") && i + 1 < args.size()
                    ? args.get(i + 1) : null;
            if (value != null && canonical(value) != null) {
                return canonical(value);
            }
        }
        return fromLocale(env);
    }

    /** The language the environment's locale asks for: LC_ALL, else LC_MESSAGES, else LANG. */
    private static String fromLocale(Environment env) {
        return Messages.languageFromLocale(env.getOrDefault("LC_ALL", env.getOrDefault("LC_MESSAGES", env.get("LANG"))));
    }

    /** Completion candidates for --lang. */
    public static final class Languages extends java.util.ArrayList<String> {
        static final java.util.List<String> ALL = java.util.List.of("en", "zh-CN");

        public Languages() {
            super(ALL);
        }
    }
}
