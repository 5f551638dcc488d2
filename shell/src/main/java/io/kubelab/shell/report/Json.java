package io.kubelab.shell.report;

import tools.jackson.databind.json.JsonMapper;

/** JSON output for -o json: stable keys, pretty-printed, on stdout. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
