package io.kubelab.shell.commands;

import io.kubelab.labs.run.LabSession;
import io.kubelab.shell.context.ShellContext;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The {@code [LAB]} word of next, back, status and env (needed from the OS shell, implied in the REPL). */
final class LabWord {
    @Parameters(paramLabel = "[LAB]", arity = "0..1", completionCandidates = LabIds.class,
            description = "From the OS shell: the lab.", descriptionKey = "words.lab")
    List<String> words;

    LabSession session(ShellContext ctx) {
        return LabArgs.of(ctx, words).session();
    }

    /** The lab named, if one is. */
    String named() {
        return words == null || words.isEmpty() ? null : words.get(0);
    }
}
