package io.kubelab.labs.nodes.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of ~/.ssh/config lab uses for an inventory host alias: HostName, User, Port,
 * IdentityFile, ProxyJump. As in OpenSSH, the first value found for a key wins.
 */
public final class SshConfig {
    private record Block(List<Pattern> patterns, List<Pattern> negated, Map<String, String> values) {
        boolean matches(String alias) {
            return negated.stream().noneMatch(p -> p.matcher(alias).matches())
                    && patterns.stream().anyMatch(p -> p.matcher(alias).matches());
        }
    }

    private final List<Block> blocks;
    private final Path home;

    private SshConfig(List<Block> blocks, Path home) {
        this.blocks = blocks;
        this.home = home;
    }

    public static SshConfig empty(Path home) {
        return new SshConfig(List.of(), home);
    }

    /** Reads {@code file}; an absent file is an empty config. */
    public static SshConfig read(Path file, Path home) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty(home);
        }
        List<Block> blocks = new ArrayList<>();
        Block current = new Block(List.of(Pattern.compile(".*")), List.of(), new LinkedHashMap<>());
        blocks.add(current);
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("\\s*=\\s*|\\s+", 2);
            if (kv.length < 2) {
                continue;
            }
            String key = kv[0].toLowerCase(Locale.ROOT);
            String value = kv[1].strip();
            if (key.equals("host")) {
                List<Pattern> ps = new ArrayList<>();
                List<Pattern> neg = new ArrayList<>();
                for (String p : value.split("\\s+")) {
                    if (p.startsWith("!")) {
                        neg.add(glob(p.substring(1)));
                    } else {
                        ps.add(glob(p));
                    }
                }
                current = new Block(ps, neg, new LinkedHashMap<>());
                blocks.add(current);
            } else if (key.equals("match")) {
                current = new Block(List.of(), List.of(), new LinkedHashMap<>()); // Match blocks are not evaluated
                blocks.add(current);
            } else {
                current.values().putIfAbsent(key, unquote(value));
            }
        }
        return new SshConfig(blocks, home);
    }

    /** The first value of {@code key} (lower case) for {@code alias}. */
    public Optional<String> get(String alias, String key) {
        for (Block b : blocks) {
            if (b.matches(alias) && b.values().containsKey(key)) {
                return Optional.of(expand(b.values().get(key), alias));
            }
        }
        return Optional.empty();
    }

    private String expand(String value, String alias) {
        String v = value.replace("%h", alias);
        if (v.equals("~") || v.startsWith("~/")) {
            v = home + v.substring(1);
        }
        return v;
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
