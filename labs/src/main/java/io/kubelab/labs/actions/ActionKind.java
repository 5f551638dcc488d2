package io.kubelab.labs.actions;

import java.util.List;
import java.util.function.Function;

/**
 * A kind of action as lab YAML writes it ({@code - run: ...}, {@code - copy: {...}}), with
 * everything `lab actions`, `lab validate` and the JSON Schema know of it.
 *
 * @param word    the key that names the kind in an action's map
 * @param keys    every key its map takes, the word's own first
 * @param example a complete YAML snippet that uses it
 * @param reader  reads one action of this kind, reporting problems with their locations
 */
public record ActionKind(String word, String summary, List<Key> keys, String example,
                         Function<ActionFields, Action> reader) {

    public ActionKind {
        keys = List.copyOf(keys);
    }

    public List<String> keyNames() {
        return keys.stream().map(Key::name).toList();
    }
}
