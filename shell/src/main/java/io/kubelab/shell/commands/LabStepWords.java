package io.kubelab.shell.commands;

import io.kubelab.shell.context.ShellContext;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The {@code [LAB] [STEP]} words of run, check, show, hint, solution and reset (the lab only from the OS shell). */
final class LabStepWords {
    @Parameters(paramLabel = "[LAB] [STEP]", arity = "0..2", completionCandidates = LabIds.class,
            description = "From the OS shell: the lab, then optionally a step.", descriptionKey = "words.lab-then-step")
    List<String> words;

    LabArgs of(ShellContext ctx) {
        return LabArgs.of(ctx, words);
    }

    /** The lab and step, with --set values used for this command only (a dry run). */
    LabArgs toLookAt(ShellContext ctx) {
        return LabArgs.of(ctx, words, false);
    }
}
