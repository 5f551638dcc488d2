package io.kubelab.labs.run;

import io.kubelab.labs.model.Action;
import io.kubelab.labs.model.CopyAction;
import io.kubelab.labs.model.FetchAction;
import io.kubelab.labs.model.RunAction;
import java.util.function.UnaryOperator;

/**
 * An action in words, the same before it runs (the step view) and while it runs (the runner):
 * the command itself, or "copy config.toml -> /etc/containerd/config.toml (0644, root)".
 * The caller says how {{variables}} are filled in: for one host, or before any host is chosen.
 */
public final class ActionText {
    private ActionText() {
    }

    public static String of(Action action, UnaryOperator<String> render) {
        if (action instanceof RunAction r) {
            return render.apply(r.command());
        }
        if (action instanceof CopyAction c) {
            String what = c.src() != null ? render.apply(c.src()) : "(text in the lab)";
            return "copy " + what + " -> " + render.apply(c.dest()) + " (" + c.mode()
                    + (c.owner() == null ? "" : ", " + c.owner()) + ")";
        }
        FetchAction f = (FetchAction) action;
        return "fetch " + render.apply(f.src()) + " -> " + render.apply(f.dest()) + " (" + f.mode() + ")";
    }
}
