package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.model.Step;
import io.kubelab.shell.context.ShellContext;
import java.util.List;

/**
 * The positional words of a command: from the OS shell they start with the lab
 * (`lab check minikube start`); in the REPL the open lab is implied (`check start`).
 */
record LabArgs(LabSession session, List<String> rest) {

    static LabArgs of(ShellContext ctx, List<String> words) {
        return of(ctx, words, true);
    }

    /** @param remember whether --set values are kept for the lab (not by a command that only looks) */
    static LabArgs of(ShellContext ctx, List<String> words, boolean remember) {
        List<String> w = words == null ? List.of() : words;
        boolean namesLab = !w.isEmpty() && (!ctx.inRepl() || ctx.session() == null
                || (ctx.labIds().contains(w.get(0)) && ctx.session().lab().step(w.get(0)).isEmpty()));
        if (namesLab) {
            return new LabArgs(ctx.sessionFor(w.get(0), remember), w.subList(1, w.size()));
        }
        return new LabArgs(ctx.sessionFor(null, remember), w);
    }

    /** The step named by the first remaining word, or the current step. */
    Step step() {
        if (rest.size() > 1) {
            throw LabException.badInput("too many words: " + String.join(" ", rest) + "; give at most one step");
        }
        return session.stepOrCurrent(rest.isEmpty() ? null : rest.get(0));
    }
}
