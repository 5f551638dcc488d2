package io.kubelab.checks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dotted version as tools print them ("v1.31.2", "1.30", "2.17.5"), compared numerically. */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

    private static final Pattern DOTTED = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** The first dotted version found anywhere in {@code text}. */
    public static Optional<Version> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DOTTED.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    public static Version parse(String text) {
        return find(text).orElseThrow(() ->
                new BadParameterException("'" + text + "' is not a version; write it like 1.30.0"));
    }

    public String minorLine() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
