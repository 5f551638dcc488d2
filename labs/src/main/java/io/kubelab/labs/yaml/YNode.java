package io.kubelab.labs.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where every node came from, so problems in content
 * can be reported with file:line:column (a plain data-binding tree forgets this).
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    Location location();

    /** A word for error messages: "a map", "a list", "a text". */
    String describe();

    /** The node as plain Java values (Map, List, String, Long, Boolean, null), for check parameters. */
    Object toPlain();

    record Entry(String key, Location keyLocation, YNode value) {
    }

    record YMap(Map<String, Entry> entries, Location location) implements YNode {
        public YMap {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        @Override
        public String describe() {
            return "a map";
        }

        @Override
        public Object toPlain() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, e) -> out.put(k, e.value().toPlain()));
            return out;
        }
    }

    record YList(List<YNode> items, Location location) implements YNode {
        public YList {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }

        @Override
        public Object toPlain() {
            List<Object> out = new ArrayList<>();
            items.forEach(i -> out.add(i.toPlain()));
            return out;
        }
    }

    /**
     * A scalar. {@code text} is exactly as written (so "1.30" stays "1.30"); {@code kind} says
     * how YAML typed it.
     */
    record YScalar(String text, Kind kind, Location location) implements YNode {
        public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        public boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "empty";
                case BOOLEAN -> "true/false";
                case INTEGER, FLOAT -> "a number";
                case STRING -> "a text";
            };
        }

        @Override
        public Object toPlain() {
            return switch (kind) {
                case NULL -> null;
                case BOOLEAN -> Boolean.parseBoolean(text);
                case INTEGER -> {
                    try {
                        yield Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        yield text;
                    }
                }
                case FLOAT, STRING -> text;
            };
        }
    }
}
