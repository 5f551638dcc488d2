package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {"Print a shell completion script.",
        "bash: source <(lab completion bash)    zsh: source <(lab completion zsh)"})
public final class CompletionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "bash|zsh", description = "The shell.", descriptionKey = "words.shell")
    String shell;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // The script asks lab at each Tab (`lab __complete WORDS`): only lab knows a lab's step ids.
        String script = """
                # lab's completion: source <(lab completion bash)
                _lab_complete() {
                  local IFS=$'\\n'
                  COMPREPLY=($("${COMP_WORDS[0]}" __complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
                }
                complete -o default -F _lab_complete lab ./lab
                """;
        switch (shell) {
            case "bash" -> spec.commandLine().getOut().print(script);
            case "zsh" -> spec.commandLine().getOut().print("autoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script);
            default -> throw LabException.badInput("completion is for bash or zsh, not '" + shell + "'");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
