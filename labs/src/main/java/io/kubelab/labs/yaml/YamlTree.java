package io.kubelab.labs.yaml;

import io.kubelab.checks.YamlProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

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
            return new Reading((YAMLParser) parser, file, duplicateKey, scalarAnchors(text)).node();
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            Location where = at == null ? Location.of(file) : new Location(file, at.getLineNr(), at.getColumnNr());
            throw new YamlSyntaxException(where, YamlProblem.oneLine(e.getOriginalMessage()));
        }
    }

    /**
     * One parse. An alias ({@code *name}) stands for the node its anchor ({@code &name}) marked, as
     * YAML means it: the reader gets that node, never the alias's name as text. YAML 1.2 has no
     * merge key, so {@code <<: *base} is refused rather than read as a key named "<<".
     */
    private static final class Reading {
        private final YAMLParser p;
        private final String file;
        private final Consumer<Location> duplicateKey;
        private final Map<String, YNode> anchors = new HashMap<>();
        private final Map<Location, String> scalarAnchors;

        Reading(YAMLParser p, String file, Consumer<Location> duplicateKey, Map<Location, String> scalarAnchors) {
            this.p = p;
            this.file = file;
            this.duplicateKey = duplicateKey;
            this.scalarAnchors = scalarAnchors;
        }

        YNode node() throws YamlSyntaxException {
            Location at = location(p, file);
            if (p.isCurrentAlias()) {
                String name = p.getString();
                YNode anchored = anchors.get(name);
                if (anchored == null) {
                    throw new YamlSyntaxException(at, "*" + name + " names no anchor &" + name + " written before it; "
                            + "write &" + name + " on the value first, or the value itself here");
                }
                return anchored;
            }
            Object anchor = p.getObjectId() != null ? p.getObjectId()
                    : scalarAnchors.get(new Location(SCALAR_FILE, at.line(), at.column()));
            YNode n = value(at);
            if (anchor != null) {
                anchors.put(String.valueOf(anchor), n);
            }
            return n;
        }

        private YNode value(Location at) throws YamlSyntaxException {
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT -> {
                    Map<String, YNode.Entry> entries = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String key = p.currentName();
                        Location keyAt = location(p, file);
                        if (key.equals("<<")) {
                            throw new YamlSyntaxException(keyAt, "merge keys (<<) are not part of YAML 1.2 and lab "
                                    + "does not read them; write the keys out");
                        }
                        p.nextToken();
                        YNode value = node();
                        if (entries.put(key, new YNode.Entry(key, keyAt, value)) != null) {
                            duplicateKey.accept(keyAt);
                        }
                    }
                    return new YNode.YMap(entries, at);
                }
                case START_ARRAY -> {
                    List<YNode> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(node());
                    }
                    return new YNode.YList(items, at);
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
    }

    /** Locations in {@link #scalarAnchors} name no file: they are matched by line and column alone. */
    private static final String SCALAR_FILE = "";

    /**
     * Where each anchored single value ({@code run: &cmd echo hi}) is written, and its anchor's
     * name: Jackson's parser reports anchors on maps and lists only, so the same YAML library it is
     * built on is asked for these, and they are matched to Jackson's tokens by position.
     */
    private static Map<Location, String> scalarAnchors(String text) {
        Map<Location, String> out = new HashMap<>();
        if (!text.contains("&")) {
            return out;
        }
        try {
            for (Event e : new Parse(LoadSettings.builder().build()).parseString(text)) {
                if (e instanceof ScalarEvent s && s.getAnchor().isPresent() && s.getStartMark().isPresent()) {
                    Mark m = s.getStartMark().get();
                    out.put(new Location(SCALAR_FILE, m.getLine() + 1, m.getColumn() + 1), s.getAnchor().get().getValue());
                }
            }
        } catch (RuntimeException e) {
            // Not valid YAML: Jackson's pass reports it, with its location.
        }
        return out;
    }

    private static Location location(JsonParser p, String file) {
        TokenStreamLocation l = p.currentTokenLocation();
        return new Location(file, l.getLineNr(), l.getColumnNr());
    }
}
