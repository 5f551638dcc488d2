package io.kubelab.shell;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes (`lab check minikube --lang zh-CN` and `lab --lang zh-CN check minikube` alike). */
public final class GlobalOptions {

    public enum ColorMode { auto, always, never }

    @Option(scope = ScopeType.INHERIT, names = "--lang", paramLabel = "en|zh-CN", description = "Language: en or zh-CN (default: from LANG).",
            completionCandidates = Languages.class)
    String language;

    @Option(scope = ScopeType.INHERIT, names = "--color", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Colour: auto (only on a terminal, and not with NO_COLOR), always, never.")
    ColorMode color = ColorMode.auto;

    @Option(scope = ScopeType.INHERIT, names = "--no-input", description = "Never ask anything (also when stdin is not a terminal).")
    boolean noInput;

    @Option(scope = ScopeType.INHERIT, names = "--set", paramLabel = "NAME=VALUE", description = "Set a lab variable (repeatable).",
            mapFallbackValue = "")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(scope = ScopeType.INHERIT, names = "--state-dir", paramLabel = "DIR",
            description = "Where progress, transcripts and history are kept (default: $XDG_STATE_HOME/kubelab).")
    Path stateDir;

    @Option(scope = ScopeType.INHERIT, names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @Option(scope = ScopeType.INHERIT, names = {"-i", "--inventory"}, paramLabel = "FILE",
            description = "Your nodes: an Ansible inventory (YAML or INI). Remembered per lab once given.")
    Path inventory;

    @Option(scope = ScopeType.INHERIT, names = "--accept-new-host-keys",
            description = "Accept and remember host keys never seen before without asking (a changed key is always refused).")
    boolean acceptNewHostKeys;

    /** Completion candidates for --lang. */
    public static final class Languages extends java.util.ArrayList<String> {
        public Languages() {
            super(java.util.List.of("en", "zh-CN"));
        }
    }
}
