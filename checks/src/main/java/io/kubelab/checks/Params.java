package io.kubelab.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A check's parameters as written in lab YAML (after variables are filled in), with typed access. */
public record Params(Map<String, Object> values) {

    public Params {
        values = Map.copyOf(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static Params of(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new Params(map);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        return optString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optString(String name) {
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    public String string(String name, String fallback) {
        return optString(name).orElse(fallback);
    }

    public Optional<Long> optInteger(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            return Optional.of(n.longValue());
        }
        try {
            return Optional.of(Long.parseLong(String.valueOf(v).trim()));
        } catch (NumberFormatException e) {
            throw new BadParameterException("parameter '" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    public long integer(String name, long fallback) {
        return optInteger(name).orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new BadParameterException("parameter '" + name + "' must be true or false, not '" + v + "'");
    }

    /** A list parameter; a single string is read as a one-element list, a comma-separated one is split. */
    public List<String> list(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> items) {
            items.forEach(i -> out.add(String.valueOf(i)));
        } else {
            for (String part : String.valueOf(v).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> map(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new BadParameterException("parameter '" + name + "' must be a map of key: value");
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, val) -> out.put(String.valueOf(k), String.valueOf(val)));
        return out;
    }

    private static BadParameterException missing(String name) {
        return new BadParameterException("parameter '" + name + "' is required");
    }
}
