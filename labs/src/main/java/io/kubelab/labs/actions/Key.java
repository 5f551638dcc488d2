package io.kubelab.labs.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key an action kind takes, as `lab actions` lists it and the JSON Schema publishes it.
 *
 * @param fields for a {@link Type#FIELDS} key (copy: {src, dest, ...}): the keys of its map; for
 *               {@link Type#ITEMS}, the keys of each map in its list
 */
public record Key(String name, Type type, boolean required, String description, List<Key> fields) {

    /** The shape of a key's value in lab YAML. */
    public enum Type {
        TEXT, NUMBER, BOOLEAN, LIST, DURATION, MODE, CONDITION, PATTERNS, FIELDS, ITEMS;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Key {
        fields = List.copyOf(fields);
    }

    public static Key required(String name, Type type, String description) {
        return new Key(name, type, true, description, List.of());
    }

    public static Key optional(String name, Type type, String description) {
        return new Key(name, type, false, description, List.of());
    }

    public static Key map(String name, String description, List<Key> fields) {
        return new Key(name, Type.FIELDS, true, description, fields);
    }

    /** A list of maps, each with these keys (certificates: issue: [{name, cn, ...}, ...]). */
    public static Key items(String name, String description, List<Key> fields) {
        return new Key(name, Type.ITEMS, true, description, fields);
    }

    /** The key's value as JSON Schema (draft 2020-12), for editors that complete lab YAML. */
    public Map<String, Object> schema() {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (type) {
            case TEXT -> s.put("type", "string");
            case NUMBER -> s.put("type", "integer");
            case BOOLEAN -> s.put("type", "boolean");
            case LIST -> {
                s.put("type", "array");
                s.put("items", Map.of("type", "string"));
            }
            case DURATION -> {
                s.put("type", "string");
                s.put("pattern", "^[0-9]+\\s*(ms|s|m|h)?$");
            }
            case MODE -> {
                s.put("type", "string");
                s.put("pattern", "^0?[0-7]{3}$");
            }
            case CONDITION -> {
                s.put("type", "string");
                s.put("pattern", "^\\s*\\S+\\s*(>=|<=|==|!=|>|<)\\s*\\d+\\s*$");
            }
            case PATTERNS -> {
                Map<String, Object> pattern = new LinkedHashMap<>();
                pattern.put("type", "string");
                pattern.put("format", "regex");
                Map<String, Object> byPattern = new LinkedHashMap<>();
                byPattern.put("type", "object");
                byPattern.put("additionalProperties", pattern);
                Map<String, Object> byName = new LinkedHashMap<>();
                byName.put("type", "array");
                byName.put("items", Map.of("type", "string"));
                s.put("oneOf", List.of(byPattern, byName));
            }
            case ITEMS -> {
                s.put("type", "array");
                s.put("items", object());
            }
            case FIELDS -> s.putAll(object());
        }
        s.put("description", description);
        return s;
    }

    /** This key's fields as a JSON Schema object. */
    private Map<String, Object> object() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        List<String> required = fields.stream().filter(Key::required).map(Key::name).toList();
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        s.put("additionalProperties", false);
        Map<String, Object> properties = new LinkedHashMap<>();
        fields.forEach(f -> properties.put(f.name(), f.schema()));
        s.put("properties", properties);
        return s;
    }
}
