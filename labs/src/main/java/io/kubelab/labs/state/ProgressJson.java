package io.kubelab.labs.state;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * A progress file as JSON, written and read with Jackson's streaming API: every `lab` command that
 * opens a lab reads and writes one, and the data-binding mapper's set-up and record introspection
 * cost more than all the rest of it at start-up. The format is the one the mapper wrote before:
 * {@code {"format", "lab", "current", "steps": {id: {"state", "hintsShown", "answer", "correct"}},
 * "variables", "settings", "updated"}}; keys it does not know are skipped.
 */
final class ProgressJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private ProgressJson() {
    }

    static byte[] write(Progress p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(PRETTY, out)) {
            g.writeStartObject();
            g.writeNumberProperty("format", p.format());
            g.writeStringProperty("lab", p.lab());
            g.writeStringProperty("current", p.current());
            g.writeName("steps");
            g.writeStartObject();
            for (Map.Entry<String, StepProgress> e : p.steps().entrySet()) {
                StepProgress s = e.getValue();
                g.writeName(e.getKey());
                g.writeStartObject();
                g.writeStringProperty("state", s.state().name());
                g.writeNumberProperty("hintsShown", s.hintsShown());
                g.writeStringProperty("answer", s.answer());
                g.writeName("correct");
                if (s.correct() == null) {
                    g.writeNull();
                } else {
                    g.writeBoolean(s.correct());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            writeMap(g, "variables", p.variables());
            writeMap(g, "settings", p.settings());
            g.writeStringProperty("updated", p.updated() == null ? null : p.updated().toString());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, String> map) {
        g.writeName(name);
        g.writeStartObject();
        map.forEach(g::writeStringProperty);
        g.writeEndObject();
    }

    /** @throws tools.jackson.core.JacksonException when the file is not a progress file */
    static Progress read(byte[] json) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            int format = Progress.FORMAT;
            String lab = null;
            String current = null;
            Map<String, StepProgress> steps = new LinkedHashMap<>();
            Map<String, String> variables = new LinkedHashMap<>();
            Map<String, String> settings = new LinkedHashMap<>();
            Instant updated = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "format" -> format = p.getIntValue();
                    case "lab" -> lab = text(p, value);
                    case "current" -> current = text(p, value);
                    case "steps" -> readSteps(p, value, steps);
                    case "variables" -> readMap(p, value, variables);
                    case "settings" -> readMap(p, value, settings);
                    case "updated" -> updated = value == JsonToken.VALUE_NULL ? null : Instant.parse(p.getString());
                    default -> p.skipChildren();
                }
            }
            return new Progress(format, lab, current, steps, variables, settings, updated);
        } catch (java.time.format.DateTimeParseException e) {
            throw new tools.jackson.core.exc.StreamReadException(null, "'updated' is not a time: " + e.getMessage());
        }
    }

    private static void readSteps(JsonParser p, JsonToken value, Map<String, StepProgress> steps) {
        expect(p, value, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String id = p.currentName();
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            StepState state = StepState.PENDING;
            int hints = 0;
            String answer = null;
            Boolean correct = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "state" -> state = v == JsonToken.VALUE_NULL ? StepState.PENDING : stepState(p);
                    case "hintsShown" -> hints = p.getIntValue();
                    case "answer" -> answer = text(p, v);
                    case "correct" -> correct = v == JsonToken.VALUE_NULL ? null : p.getBooleanValue();
                    default -> p.skipChildren();
                }
            }
            steps.put(id, new StepProgress(state, hints, answer, correct));
        }
    }

    private static StepState stepState(JsonParser p) {
        try {
            return StepState.valueOf(p.getString());
        } catch (IllegalArgumentException e) {
            throw new tools.jackson.core.exc.StreamReadException(p, "unknown step state '" + p.getString() + "'");
        }
    }

    private static void readMap(JsonParser p, JsonToken value, Map<String, String> into) {
        expect(p, value, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            into.put(key, text(p, p.nextToken()));
        }
    }

    private static String text(JsonParser p, JsonToken value) {
        return value == JsonToken.VALUE_NULL ? null : p.getString();
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            throw new tools.jackson.core.exc.StreamReadException(p, "expected " + wanted + ", found " + actual);
        }
    }
}
