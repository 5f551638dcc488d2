package io.kubelab.labs.yaml;

import io.kubelab.labs.yaml.YNode.YList;
import io.kubelab.labs.yaml.YNode.YMap;
import io.kubelab.labs.yaml.YNode.YScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the fields of one YAML map. A field that is missing or of the wrong shape becomes a
 * problem with its file:line:column and what to write instead, and reading goes on, so one pass
 * reports every problem. Every text read that refers to {@code {{variables}}} is remembered.
 */
public final class Fields {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final YMap map;
    private final Problems problems;

    public Fields(YMap map, Problems problems) {
        this.map = map;
        this.problems = problems;
    }

    /** The fields of {@code node}; when it is not a map, {@code mustBe} is reported and no field is there. */
    public static Fields of(YNode node, Problems problems, String mustBe) {
        if (node instanceof YMap m) {
            return new Fields(m, problems);
        }
        problems.error(node.location(), mustBe);
        return new Fields(new YMap(Map.of(), node.location()), problems);
    }

    public YMap map() {
        return map;
    }

    public Problems problems() {
        return problems;
    }

    public Location location() {
        return map.location();
    }

    /** Whether the key is written with a value (an empty value counts as not written). */
    public boolean has(String key) {
        return map.has(key) && !isNull(map.get(key));
    }

    public YNode node(String key) {
        return map.get(key);
    }

    /** Where the key's value is written, or the map when it is not. */
    public Location at(String key) {
        return map.has(key) ? map.get(key).location() : map.location();
    }

    /** Reports every key not in {@code known}, suggesting the closest known one. */
    public void only(Collection<String> known, String where) {
        for (YNode.Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                problems.error(e.keyLocation(), "unknown key '" + e.key() + "' " + where + "; "
                        + Suggest.fix(e.key(), new TreeSet<>(known)));
            }
        }
    }

    /** A single value, or null when the key is not written. */
    public String text(String key) {
        return has(key) ? scalar(map.get(key), key, problems) : null;
    }

    public String text(String key, String fallback) {
        String v = text(key);
        return v == null ? fallback : v;
    }

    /** A single value that must be written; null (and a problem) when it is not. */
    public String required(String key, String what) {
        if (!has(key)) {
            problems.error(map.location(), "missing '" + key + "': " + what);
            return null;
        }
        return text(key);
    }

    /** A list of values; one value is a list of one. */
    public List<String> texts(String key) {
        if (!has(key)) {
            return List.of();
        }
        YNode node = map.get(key);
        if (node instanceof YScalar) {
            return List.of(scalar(node, key, problems));
        }
        if (node instanceof YList l) {
            List<String> out = new ArrayList<>();
            for (YNode item : l.items()) {
                String v = scalar(item, key, problems);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        problems.error(node.location(), key + " must be a list of values");
        return List.of();
    }

    public boolean bool(String key) {
        if (!has(key)) {
            return false;
        }
        if (map.get(key) instanceof YScalar s && s.kind() == YScalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        problems.error(at(key), key + " must be true or false");
        return false;
    }

    public int integer(String key, int fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (map.get(key) instanceof YScalar s && s.kind() == YScalar.Kind.INTEGER) {
            try {
                return Integer.parseInt(s.text());
            } catch (NumberFormatException e) {
                // out of range: reported below
            }
        }
        problems.error(at(key), key + " must be a whole number");
        return fallback;
    }

    /** A regular expression (multi-line: ^ and $ match at every line), or null. */
    public Pattern pattern(String key) {
        return has(key) ? pattern(map.get(key), problems) : null;
    }

    public static Pattern pattern(YNode node, Problems problems) {
        String p = scalar(node, "pattern", problems);
        if (p == null) {
            return null;
        }
        try {
            return Pattern.compile(p, Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            problems.error(node.location(), "not a valid regular expression: " + e.getDescription() + " near index "
                    + e.getIndex());
            return null;
        }
    }

    /** The longest duration content may ask for: a day. */
    private static final Duration LONGEST = Duration.ofHours(24);

    /** A duration such as 30s, 10m or 1h (a bare number is seconds), at most a day. */
    public Duration duration(String key, Duration fallback) {
        if (!has(key)) {
            return fallback;
        }
        String s = text(key);
        Matcher m = s == null ? null : DURATION.matcher(s.strip());
        if (m == null || !m.matches()) {
            problems.error(at(key), key + " must look like 30s, 10m or 1h");
            return fallback;
        }
        // Nine digits at most: whatever the unit, the value is then far from overflowing, and checked below.
        long n = m.group(1).length() > 9 ? Long.MAX_VALUE / 4 : Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofSeconds(Math.min(n, Long.MAX_VALUE / 3600) * 60);
            case "h" -> Duration.ofSeconds(Math.min(n, Long.MAX_VALUE / 3600) * 3600);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            problems.error(at(key), key + " must be more than zero");
            return fallback;
        }
        if (d.compareTo(LONGEST) > 0) {
            problems.error(at(key), key + " must be at most 24h; a step that takes longer should be split");
            return fallback;
        }
        return d;
    }

    /** The maps of a list written under {@code key}; {@code example} shows an item's form when one is not a map. */
    public List<Fields> items(String key, String example) {
        if (!has(key)) {
            return List.of();
        }
        if (!(map.get(key) instanceof YList l)) {
            problems.error(at(key), key + " takes a list of maps, each like " + example);
            return List.of();
        }
        return l.items().stream().map(item -> of(item, problems, "each item of " + key + " is a map, like " + example))
                .toList();
    }

    /** The fields of a map written under {@code key}; {@code example} shows its form when it is not a map. */
    public Fields fields(String key, String example) {
        YNode node = map.get(key);
        if (node == null) {
            return new Fields(new YMap(Map.of(), map.location()), problems);
        }
        return of(node, problems, key + " takes a map: " + example);
    }

    /** A scalar's text (remembered when it refers to variables); null and a problem for a list or map. */
    public static String scalar(YNode node, String what, Problems problems) {
        if (node instanceof YScalar s) {
            if (s.isNull()) {
                return null;
            }
            problems.templated(s.text(), s.location());
            return s.text();
        }
        problems.error(node.location(), what + " must be a single value, not " + node.describe());
        return null;
    }

    public static boolean isNull(YNode node) {
        return node == null || (node instanceof YScalar s && s.isNull());
    }
}
