package io.kubelab.shell.report;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** JSON output for -o json: the view records in snake_case, keys in their declared order, pretty-printed. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private Json() {
    }

    public static String write(Object view) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(view);
    }
}
