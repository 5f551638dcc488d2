package io.kubelab.labs.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every action kind, by the word lab YAML names it with. The loader, `lab actions`, `lab validate`
 * and the JSON Schema all read this one list; adding a kind is its record and one line here.
 */
public final class ActionRegistry {
    private final Map<String, ActionKind> kinds = new LinkedHashMap<>();

    private ActionRegistry() {
    }

    public static ActionRegistry standard() {
        ActionRegistry r = new ActionRegistry();
        r.add(RunAction.KIND);
        r.add(CopyAction.KIND);
        r.add(FetchAction.KIND);
        r.add(CertificatesAction.KIND);
        r.add(CreateAction.KIND);
        r.add(DestroyAction.KIND);
        r.add(PlaybookAction.KIND);
        return r;
    }

    public Optional<ActionKind> find(String word) {
        return Optional.ofNullable(kinds.get(word));
    }

    public List<ActionKind> all() {
        return List.copyOf(kinds.values());
    }

    public List<String> words() {
        return List.copyOf(kinds.keySet());
    }

    private void add(ActionKind kind) {
        if (kinds.putIfAbsent(kind.word(), kind) != null) {
            throw new IllegalStateException("two action kinds named " + kind.word());
        }
    }
}
