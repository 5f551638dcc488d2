package io.kubelab.shell.context;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How this command line asked lab to behave: the global options, made sense of against the
 * environment (LANG, NO_COLOR, XDG_STATE_HOME, a terminal or not). Immutable; each command line
 * (also each line typed in the REPL) has its own.
 *
 * @param language  en or zh-CN
 * @param color     whether to colour the output
 * @param canPrompt whether lab may ask anything (not with --no-input, not without a terminal)
 * @param sets      variable values from --set
 * @param stateDir  where progress, transcripts, history and work files are kept
 * @param inventory --inventory as given (the node factory resolves it), if given
 */
public record Settings(String language, boolean color, boolean canPrompt, Map<String, String> sets, Path stateDir,
                       boolean debug, Optional<Path> inventory, boolean acceptNewHostKeys) {

    public Settings {
        sets = Map.copyOf(sets);
    }
}
