package io.kubelab.shell.commands;

import io.kubelab.shell.context.ShellContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Completion candidates: lab ids, and the open lab's step ids, hosts and groups. */
public final class LabIds implements Iterable<String> {
    private final ShellContext ctx;

    public LabIds(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public java.util.Iterator<String> iterator() {
        Set<String> all = new LinkedHashSet<>();
        if (ctx.session() != null) {
            all.addAll(ctx.session().lab().stepIds());
            all.addAll(ctx.session().nodes().names()); // hosts and groups, for env and `on:` minded users
        }
        all.addAll(ctx.labIds());
        List<String> out = new ArrayList<>(all);
        return out.iterator();
    }
}
