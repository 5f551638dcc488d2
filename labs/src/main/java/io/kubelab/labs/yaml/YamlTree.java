package io.kubelab.labs.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/** Reads YAML into a {@link YNode} tree with locations, through Jackson's streaming parser. */
public final class YamlTree {
    /** Only the streaming parser is needed: much lighter to make than a data-binding mapper. */
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /**
     * Parses one document.
     *
     * @param duplicateKey told about every key that appears twice in one map (the later one wins)
     */
    public static YNode read(String text, String file, Consumer<Location> duplicateKey) throws YamlSyntaxException {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YNode.YScalar("", YNode.YScalar.Kind.NULL, new Location(file, 1, 1));
            }
            return node(parser, file, duplicateKey);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            Location where = at == null ? Location.of(file) : new Location(file, at.getLineNr(), at.getColumnNr());
            throw new YamlSyntaxException(where, firstLine(e.getOriginalMessage()));
        }
    }

    private static YNode node(JsonParser p, String file, Consumer<Location> duplicateKey) {
        Location at = location(p, file);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    Location keyAt = location(p, file);
                    p.nextToken();
                    YNode value = node(p, file, duplicateKey);
                    if (entries.put(key, new YNode.Entry(key, keyAt, value)) != null) {
                        duplicateKey.accept(keyAt);
                    }
                }
                return new YNode.YMap(entries, at);
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, file, duplicateKey));
                }
                return new YNode.YList(items, at);
            }
            case VALUE_STRING -> {
                return new YNode.YScalar(p.getString(), YNode.YScalar.Kind.STRING, at);
            }
            case VALUE_NUMBER_INT -> {
                return new YNode.YScalar(p.getString(), YNode.YScalar.Kind.INTEGER, at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YNode.YScalar(p.getString(), YNode.YScalar.Kind.FLOAT, at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YNode.YScalar(String.valueOf(t == JsonToken.VALUE_TRUE), YNode.YScalar.Kind.BOOLEAN, at);
            }
            case VALUE_NULL -> {
                return new YNode.YScalar("", YNode.YScalar.Kind.NULL, at);
            }
            default -> {
                return new YNode.YScalar(p.getString(), YNode.YScalar.Kind.STRING, at);
            }
        }
    }

    private static Location location(JsonParser p, String file) {
        TokenStreamLocation l = p.currentTokenLocation();
        return new Location(file, l.getLineNr(), l.getColumnNr());
    }

    /**
     * The parser's message without its source excerpts: "while parsing a flow mapping; expected
     * ',' or '}', but got <stream end>".
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "not valid YAML";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.strip());
            }
        }
        return parts.isEmpty() ? "not valid YAML" : String.join("; ", parts);
    }
}
