package io.kubelab.labs.load;

import io.kubelab.checks.CheckKind;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.ParamSpec;
import io.kubelab.checks.ParamType;
import io.kubelab.labs.actions.ActionKind;
import io.kubelab.labs.actions.ActionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of content/lab.schema.json that come from the registries: one definition per action
 * kind, and the check definition with every kind's {@code with:} parameters, so an editor
 * completes them. The rest of the schema (top level, steps, quiz, variables) is written by hand;
 * SchemaTest keeps its keys equal to the readers'.
 */
final class LabSchema {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private LabSchema() {
    }

    /** {@code schema} with its generated definitions replaced by what the registries say today. */
    static JsonNode regenerate(JsonNode schema, CheckRegistry checks, ActionRegistry actions) {
        ObjectNode out = (ObjectNode) schema.deepCopy();
        ObjectNode defs = (ObjectNode) out.get("$defs");
        List<String> stale = new ArrayList<>();
        defs.propertyNames().forEach(name -> {
            if (name.endsWith("Action") || name.startsWith("with-")) {
                stale.add(name);
            }
        });
        stale.forEach(defs::remove);
        List<Map<String, Object>> oneOf = new ArrayList<>();
        for (ActionKind kind : actions.all()) {
            defs.set(kind.word() + "Action", JSON.valueToTree(action(kind)));
            oneOf.add(Map.of("$ref", "#/$defs/" + kind.word() + "Action"));
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("description", "What a step does; `lab actions` lists every kind with an example.");
        action.put("oneOf", oneOf);
        defs.set("action", JSON.valueToTree(action));
        ObjectNode check = (ObjectNode) defs.get("check");
        ((ObjectNode) check.get("properties").get("kind")).set("enum", JSON.valueToTree(checks.names()));
        List<Map<String, Object>> perKind = new ArrayList<>();
        for (CheckKind kind : checks.all()) {
            defs.set("with-" + kind.name(), JSON.valueToTree(with(kind)));
            // Ordered maps, so that the file written is the same on every run.
            Map<String, Object> when = new LinkedHashMap<>();
            when.put("required", List.of("kind"));
            when.put("properties", Map.of("kind", Map.of("const", kind.name())));
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("if", when);
            rule.put("then", Map.of("properties", Map.of("with", Map.of("$ref", "#/$defs/with-" + kind.name()))));
            perKind.add(rule);
        }
        check.set("allOf", JSON.valueToTree(perKind));
        return out;
    }

    private static Map<String, Object> action(ActionKind kind) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", kind.summary());
        s.put("type", "object");
        s.put("required", List.of(kind.word()));
        s.put("additionalProperties", false);
        Map<String, Object> properties = new LinkedHashMap<>();
        kind.keys().forEach(k -> properties.put(k.name(), k.schema()));
        s.put("properties", properties);
        return s;
    }

    private static Map<String, Object> with(CheckKind kind) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", kind.summary());
        s.put("type", "object");
        List<String> required = kind.params().stream().filter(ParamSpec::required).map(ParamSpec::name).toList();
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        s.put("additionalProperties", false);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (ParamSpec p : kind.params()) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", types(p.type()));
            property.put("description", p.description());
            properties.put(p.name(), property);
        }
        s.put("properties", properties);
        return s;
    }

    /** What a parameter may be written as; a text is always allowed, as it may be a {{variable}}. */
    private static List<String> types(ParamType type) {
        return switch (type) {
            case STRING -> List.of("string", "number", "boolean");
            case COMMAND -> List.of("string");
            case INTEGER -> List.of("integer", "string");
            case BOOLEAN -> List.of("boolean", "string");
            case LIST -> List.of("array", "string", "number");
            case MAP -> List.of("object", "string");
        };
    }
}
