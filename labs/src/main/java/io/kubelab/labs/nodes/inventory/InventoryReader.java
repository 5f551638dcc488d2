package io.kubelab.labs.nodes.inventory;

import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.YNode;
import io.kubelab.labs.yaml.YNode.YMap;
import io.kubelab.labs.yaml.YNode.YScalar;
import io.kubelab.labs.yaml.YamlSyntaxException;
import io.kubelab.labs.yaml.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Ansible inventory, YAML or INI, exactly as ansible-playbook would read the parts lab
 * uses, and reports every problem with file:line: syntax, a group naming an unknown host or
 * group, a missing key file, an unknown ansible_* variable.
 */
public final class InventoryReader {
    /** The ansible_* variables lab understands; anything else starting with ansible_ is a typo. */
    static final Set<String> ANSIBLE_KEYS = Set.of("ansible_host", "ansible_ssh_host", "ansible_port",
            "ansible_ssh_port", "ansible_user", "ansible_ssh_user", "ansible_ssh_private_key_file", "ansible_become",
            "ansible_password", "ansible_ssh_pass", "ansible_become_password", "ansible_ssh_common_args",
            "ansible_ssh_extra_args", "ansible_python_interpreter", "ansible_become_user", "ansible_become_method",
            "ansible_connection", "ansible_timeout", "ansible_ssh_args", "ansible_pipelining", "ansible_ssh_pipelining",
            "ansible_group_priority");
    /** Read and accepted, but with no effect on how lab reaches a node: the learner is told so. */
    static final Set<String> NOT_APPLYING = Set.of("ansible_ssh_args", "ansible_pipelining", "ansible_ssh_pipelining");
    private static final Pattern SSH_OPTION = Pattern.compile("-o\\s*([A-Za-z]+)[= ](\\S+)");
    private static final Pattern PROXY_JUMP = Pattern.compile("(?:-J\\s*|ProxyJump[= ])(\\S+)");

    private final Path home;
    private final SshConfig sshConfig;
    private final String defaultUser;

    /**
     * @param home        the learner's home (for ~ and the default keys)
     * @param sshConfig   ~/.ssh/config, for hosts named by an alias
     * @param defaultUser the login name when neither the inventory nor ssh config gives one
     */
    public InventoryReader(Path home, SshConfig sshConfig, String defaultUser) {
        this.home = home;
        this.sshConfig = sshConfig;
        this.defaultUser = defaultUser;
    }

    /** What a file says before hosts are resolved: hosts with their vars, groups with members. */
    private static final class Raw {
        final Map<String, Map<String, Value>> hostVars = new LinkedHashMap<>();
        final Map<String, Location> hostFirstSeen = new LinkedHashMap<>();
        final Set<String> definedHosts = new LinkedHashSet<>();
        final Map<String, Group> groups = new LinkedHashMap<>();

        Group group(String name, Location at) {
            return groups.computeIfAbsent(name, n -> new Group(n, at));
        }

        void host(String name, Location at, Map<String, Value> vars, boolean defines) {
            hostFirstSeen.putIfAbsent(name, at);
            hostVars.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(vars);
            if (defines || !vars.isEmpty()) {
                definedHosts.add(name);
            }
        }
    }

    private static final class Group {
        final String name;
        final Location location;
        final Map<String, Location> hosts = new LinkedHashMap<>();
        final Map<String, Location> children = new LinkedHashMap<>();
        final Map<String, Value> vars = new LinkedHashMap<>();
        boolean defined;

        Group(String name, Location location) {
            this.name = name;
            this.location = location;
        }
    }

    /** A variable's value and where it was written. */
    private record Value(String text, Location location) {
    }

    public Inventory read(Path file) throws InventoryException {
        Problems problems = new Problems();
        String display = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            problems.error(Location.of(display), "cannot read the inventory: " + e.getMessage());
            throw new InventoryException(problems.sorted());
        }
        Raw raw = new Raw();
        if (looksLikeIni(file, text)) {
            readIni(text, display, raw, problems);
        } else {
            readYaml(text, display, raw, problems);
        }
        Inventory inventory = resolve(file, raw, problems);
        if (problems.hasErrors()) {
            throw new InventoryException(problems.sorted());
        }
        return inventory;
    }

    /**
     * An inventory written inside another file (a learner's in a class roster), as a YAML inventory
     * is written; problems name that file's lines.
     *
     * @param file the file it is written in, for messages
     */
    public Inventory read(YNode root, Path file) throws InventoryException {
        Problems problems = new Problems();
        Raw raw = new Raw();
        readTree(root, raw, problems);
        Inventory inventory = resolve(file, raw, problems);
        if (problems.hasErrors()) {
            throw new InventoryException(problems.sorted());
        }
        return inventory;
    }

    private static boolean looksLikeIni(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return false;
        }
        if (name.endsWith(".ini") || name.endsWith(".cfg")) {
            return true;
        }
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            if (l.equals("---") || l.startsWith("%YAML")) {
                return false; // a YAML document, whatever the file is called
            }
            return l.startsWith("[") || !l.contains(":");
        }
        return false;
    }

    // ---- YAML ----

    private void readYaml(String text, String file, Raw raw, Problems problems) {
        YNode root;
        try {
            root = YamlTree.read(text, file, at -> problems.error(at, "this key appears twice; keep one"));
        } catch (YamlSyntaxException e) {
            problems.error(e.location(), "not valid YAML: " + e.getMessage());
            return;
        }
        readTree(root, raw, problems);
    }

    private void readTree(YNode root, Raw raw, Problems problems) {
        if (!(root instanceof YMap top)) {
            problems.error(root.location(), "an inventory is a map of groups, starting with all:");
            return;
        }
        top.entries().values().forEach(e -> {
            raw.group(e.key(), e.keyLocation()).defined = true; // a top-level group exists even when empty
            yamlGroup(e.key(), e.keyLocation(), e.value(), raw, problems);
        });
    }

    /**
     * A group's hosts:, children: and vars:. A group named as an empty child ({@code kube_node: {}})
     * is only a reference: it must be given content somewhere, or it is most likely a typo.
     */
    private void yamlGroup(String name, Location at, YNode node, Raw raw, Problems problems) {
        Group g = raw.group(name, at);
        if (isNull(node) || (node instanceof YMap m0 && m0.entries().isEmpty())) {
            return;
        }
        g.defined = true;
        if (!(node instanceof YMap m)) {
            problems.error(node.location(), "group '" + name + "' must be a map with hosts:, children: or vars:");
            return;
        }
        for (YNode.Entry e : m.entries().values()) {
            switch (e.key()) {
                case "hosts" -> {
                    if (isNull(e.value())) {
                        continue;
                    }
                    if (!(e.value() instanceof YMap hosts)) {
                        problems.error(e.value().location(), "hosts: must be a map of host: {variables}");
                        continue;
                    }
                    for (YNode.Entry h : hosts.entries().values()) {
                        for (HostPatterns.Named n : expand(h.key(), h.keyLocation(), problems)) {
                            g.hosts.put(n.name(), h.keyLocation());
                            raw.host(n.name(), h.keyLocation(), withPort(n, h.keyLocation(), vars(h.value(), problems)),
                                    name.equals("all"));
                        }
                    }
                }
                case "children" -> {
                    if (isNull(e.value())) {
                        continue;
                    }
                    if (!(e.value() instanceof YMap children)) {
                        problems.error(e.value().location(), "children: must be a map of group: {...}");
                        continue;
                    }
                    for (YNode.Entry c : children.entries().values()) {
                        g.children.put(c.key(), c.keyLocation());
                        yamlGroup(c.key(), c.keyLocation(), c.value(), raw, problems);
                    }
                }
                case "vars" -> g.vars.putAll(vars(e.value(), problems));
                default -> problems.error(e.keyLocation(), "unknown key '" + e.key() + "' in group '" + name
                        + "'; a group has hosts:, children: and vars:");
            }
        }
    }

    private Map<String, Value> vars(YNode node, Problems problems) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (isNull(node)) {
            return out;
        }
        if (!(node instanceof YMap m)) {
            problems.error(node.location(), "host variables must be a map (ansible_host: ..., ...)");
            return out;
        }
        for (YNode.Entry e : m.entries().values()) {
            String v = e.value() instanceof YScalar s ? s.text() : String.valueOf(e.value().toPlain());
            out.put(e.key(), new Value(v, e.keyLocation()));
        }
        return out;
    }

    private static List<HostPatterns.Named> expand(String pattern, Location at, Problems problems) {
        try {
            return HostPatterns.expand(pattern);
        } catch (IllegalArgumentException e) {
            problems.error(at, "host '" + pattern + "': " + e.getMessage());
            return List.of();
        }
    }

    /** The host's variables, with the port written with its name ({@code node1:2222}) unless a variable sets one. */
    private static Map<String, Value> withPort(HostPatterns.Named n, Location at, Map<String, Value> vars) {
        if (n.port() == null) {
            return vars;
        }
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("ansible_port", new Value(String.valueOf(n.port()), at));
        out.putAll(vars);
        return out;
    }

    private static boolean isNull(YNode n) {
        return n == null || (n instanceof YScalar s && s.isNull());
    }

    // ---- INI ----

    private void readIni(String text, String file, Raw raw, Problems problems) {
        String section = "ungrouped";
        String kind = "hosts";
        Group g = raw.group("ungrouped", Location.of(file));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Location at = new Location(file, i + 1, 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    problems.error(at, "a section header looks like [group], [group:children] or [group:vars]");
                    continue;
                }
                String head = line.substring(1, line.length() - 1).strip();
                int colon = head.indexOf(':');
                section = colon < 0 ? head : head.substring(0, colon);
                kind = colon < 0 ? "hosts" : head.substring(colon + 1);
                if (!kind.equals("hosts") && !kind.equals("children") && !kind.equals("vars")) {
                    problems.error(at, "unknown section kind ':" + kind + "'; use [" + section + ":children] or ["
                            + section + ":vars]");
                    kind = "skip";
                }
                g = raw.group(section, at);
                g.defined = true;
                continue;
            }
            switch (kind) {
                case "hosts" -> {
                    List<String> words = words(line);
                    List<HostPatterns.Named> named = expand(words.get(0), at, problems);
                    Map<String, Value> vars = new LinkedHashMap<>();
                    for (String w : words.subList(1, words.size())) {
                        int eq = w.indexOf('=');
                        if (eq <= 0) {
                            problems.error(at, "'" + w + "' is not a variable; write name=value");
                            continue;
                        }
                        vars.put(w.substring(0, eq), new Value(w.substring(eq + 1), at));
                    }
                    for (HostPatterns.Named n : named) {
                        g.hosts.put(n.name(), at);
                        raw.host(n.name(), at, withPort(n, at, vars), true);
                    }
                }
                case "children" -> g.children.put(line, at);
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq <= 0) {
                        problems.error(at, "a [" + section + ":vars] line is name=value");
                        continue;
                    }
                    g.vars.put(line.substring(0, eq).strip(), new Value(unquote(line.substring(eq + 1).strip()), at));
                }
                default -> {
                }
            }
        }
    }

    /** Splits a host line into words, keeping quoted values whole: node1 ansible_ssh_common_args='-J bastion'. */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else if (c == '#' && w.length() == 0) {
                break;
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    // ---- resolving ----

    private Inventory resolve(Path file, Raw raw, Problems problems) {
        boolean hostsDeclaredUpFront = raw.groups.containsKey("all") && !raw.groups.get("all").hosts.isEmpty();
        for (Group g : raw.groups.values()) {
            for (Map.Entry<String, Location> c : g.children.entrySet()) {
                Group child = raw.groups.get(c.getKey());
                if (child == null || !child.defined) {
                    Set<String> definedGroups = new LinkedHashSet<>();
                    raw.groups.values().stream().filter(x -> x.defined).forEach(x -> definedGroups.add(x.name));
                    problems.error(c.getValue(), "group '" + g.name + "' names group '" + c.getKey()
                            + "', which is not defined; define it or fix the name"
                            + suggestion(c.getKey(), definedGroups));
                }
            }
            if (hostsDeclaredUpFront) {
                for (Map.Entry<String, Location> h : g.hosts.entrySet()) {
                    if (!raw.definedHosts.contains(h.getKey())) {
                        problems.error(h.getValue(), "group '" + g.name + "' names host '" + h.getKey()
                                + "', which is not under all: hosts:; add it there or fix the name"
                                + suggestion(h.getKey(), raw.definedHosts));
                    }
                }
            }
        }
        if (cycle(raw, problems)) {
            return new Inventory(file, Map.of(), Map.of());
        }
        if (raw.hostVars.isEmpty() && !problems.hasErrors()) {
            problems.error(Location.of(file.toString()), "the inventory has no hosts; list them under all: hosts: "
                    + "(YAML) or one per line (INI)");
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Group g : raw.groups.values()) {
            if (g.name.equals("all") || g.name.equals("ungrouped")) {
                continue;
            }
            groups.put(g.name, List.copyOf(members(g, raw, new HashSet<>())));
        }
        List<Group> byPrecedence = precedence(raw);
        Set<String> notes = new LinkedHashSet<>();
        Map<String, InventoryHost> hosts = new LinkedHashMap<>();
        for (String name : raw.hostVars.keySet()) {
            // As Ansible merges them: all's vars, then each group of the host from the shallowest to the
            // deepest (then by ansible_group_priority, then by name), then the host's own.
            Map<String, Value> vars = new LinkedHashMap<>();
            for (Group g : byPrecedence) {
                if (g.name.equals("all") || members(g, raw, new HashSet<>()).contains(name)) {
                    vars.putAll(g.vars);
                }
            }
            vars.putAll(raw.hostVars.get(name));
            hosts.put(name, host(name, raw.hostFirstSeen.get(name), vars, problems, notes));
        }
        return new Inventory(file, hosts, groups, List.copyOf(notes));
    }

    /** A group that contains itself through its children: Ansible refuses the file, and so does lab. */
    private static boolean cycle(Raw raw, Problems problems) {
        for (Group g : raw.groups.values()) {
            java.util.Deque<String> path = new java.util.ArrayDeque<>();
            if (reaches(g.name, g.name, raw, path, new HashSet<>())) {
                problems.error(g.location, "group '" + g.name + "' contains itself: " + g.name + " > "
                        + String.join(" > ", path) + "; a group cannot be its own child");
                return true;
            }
        }
        return false;
    }

    private static boolean reaches(String from, String target, Raw raw, java.util.Deque<String> path, Set<String> seen) {
        Group g = raw.groups.get(from);
        if (g == null || !seen.add(from)) {
            return false;
        }
        for (String c : g.children.keySet()) {
            path.addLast(c);
            if (c.equals(target) || reaches(c, target, raw, path, seen)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }

    /** Groups in the order their variables apply: depth under all, ansible_group_priority, name. */
    private static List<Group> precedence(Raw raw) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        raw.groups.keySet().forEach(n -> depth.put(n, n.equals("all") ? 0 : 1));
        boolean changed = true;
        for (int round = 0; changed && round <= raw.groups.size(); round++) { // no cycles here: bounded anyway
            changed = false;
            for (Group g : raw.groups.values()) {
                for (String c : g.children.keySet()) {
                    if (depth.containsKey(c) && depth.get(c) < depth.get(g.name) + 1) {
                        depth.put(c, depth.get(g.name) + 1);
                        changed = true;
                    }
                }
            }
        }
        List<Group> out = new ArrayList<>(raw.groups.values());
        out.sort(java.util.Comparator.comparingInt((Group g) -> depth.get(g.name))
                .thenComparingInt(InventoryReader::priority).thenComparing(g -> g.name));
        return out;
    }

    private static int priority(Group g) {
        Value v = g.vars.get("ansible_group_priority");
        try {
            return v == null ? 1 : Integer.parseInt(v.text().strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Set<String> members(Group g, Raw raw, Set<String> visiting) {
        Set<String> out = new LinkedHashSet<>(g.hosts.keySet());
        if (!visiting.add(g.name)) {
            return out; // a cycle: Ansible refuses it too; stop here
        }
        for (String c : g.children.keySet()) {
            Group child = raw.groups.get(c);
            if (child != null) {
                out.addAll(members(child, raw, visiting));
            }
        }
        return out;
    }

    private InventoryHost host(String name, Location at, Map<String, Value> vars, Problems problems, Set<String> notes) {
        for (Map.Entry<String, Value> v : vars.entrySet()) {
            if (v.getKey().startsWith("ansible_") && !ANSIBLE_KEYS.contains(v.getKey())) {
                problems.error(v.getValue().location(), "unknown variable '" + v.getKey() + "' for host '" + name
                        + "'" + suggestion(v.getKey(), ANSIBLE_KEYS));
            }
            if (NOT_APPLYING.contains(v.getKey())) {
                notes.add(v.getKey() + " is read but does not apply: lab runs commands over its own SSH connection");
            }
        }
        String connection = text(vars, "ansible_connection");
        if (connection != null && !connection.equals("ssh")) {
            problems.error(vars.get("ansible_connection").location(), "host '" + name + "' uses ansible_connection="
                    + connection + "; lab reaches nodes over ssh only");
        }
        String address = firstOf(firstOf(text(vars, "ansible_host"), text(vars, "ansible_ssh_host"), null),
                sshConfig.get(name, "hostname").orElse(null), name);
        int port;
        String portKey = vars.containsKey("ansible_port") ? "ansible_port" : "ansible_ssh_port";
        String portText = firstOf(text(vars, portKey), sshConfig.get(name, "port").orElse(null), "22");
        try {
            port = portText.strip().length() > 5 ? -1 : Integer.parseInt(portText.strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            problems.error(vars.containsKey(portKey) ? vars.get(portKey).location() : at,
                    portKey + " of '" + name + "' must be a TCP port (1-65535), not '" + portText + "'");
            port = 22;
        }
        java.time.Duration timeout = null;
        if (vars.containsKey("ansible_timeout")) {
            String t = text(vars, "ansible_timeout").strip();
            int secs = t.matches("\\d{1,4}") ? Integer.parseInt(t) : -1;
            if (secs < 1 || secs > 3600) {
                problems.error(vars.get("ansible_timeout").location(), "ansible_timeout of '" + name
                        + "' must be seconds (1-3600), not '" + t + "'");
            } else {
                timeout = java.time.Duration.ofSeconds(secs);
            }
        }
        String user = firstOf(firstOf(text(vars, "ansible_user"), text(vars, "ansible_ssh_user"), null),
                sshConfig.get(name, "user").orElse(null), defaultUser);
        Path key = null;
        String keyText = firstOf(text(vars, "ansible_ssh_private_key_file"),
                sshConfig.get(name, "identityfile").orElse(null), null);
        if (keyText != null) {
            key = expand(keyText);
            if (!Files.isRegularFile(key)) {
                Location where = vars.containsKey("ansible_ssh_private_key_file")
                        ? vars.get("ansible_ssh_private_key_file").location() : at;
                problems.error(where, "the key file " + key + " of host '" + name + "' does not exist; "
                        + "fix the path or create the key with ssh-keygen");
            }
        }
        String become = text(vars, "ansible_become");
        boolean asRoot = become != null && become.toLowerCase(Locale.ROOT).matches("true|yes|1|on");
        String password = firstOf(text(vars, "ansible_password"), text(vars, "ansible_ssh_pass"), null);
        String jump = proxyJump(vars).orElse(sshConfig.get(name, "proxyjump").orElse(null));
        Map<String, String> plain = new LinkedHashMap<>();
        vars.forEach((k, v) -> plain.put(k, v.text()));
        return new InventoryHost(name, address, port, user, key, asRoot, password,
                jump == null || jump.equals("none") ? null : jump, plain, at, knownHosts(vars, notes), timeout);
    }

    /**
     * The ssh options of ansible_ssh_common_args / ansible_ssh_extra_args that lab honours:
     * UserKnownHostsFile (those files are read first), ProxyJump and -J (the bastion). Others are
     * named in a note; StrictHostKeyChecking among them: lab checks host keys whatever it says.
     */
    private List<Path> knownHosts(Map<String, Value> vars, Set<String> notes) {
        List<Path> out = new ArrayList<>();
        for (String key : List.of("ansible_ssh_common_args", "ansible_ssh_extra_args")) {
            String args = text(vars, key);
            if (args == null) {
                continue;
            }
            Matcher m = SSH_OPTION.matcher(args.replace("\"", "").replace("'", ""));
            while (m.find()) {
                String option = m.group(1);
                if (option.equalsIgnoreCase("UserKnownHostsFile")) {
                    for (String f : m.group(2).split(",")) {
                        if (!f.equals("/dev/null")) {
                            out.add(expand(f));
                        }
                    }
                } else if (!option.equalsIgnoreCase("ProxyJump")) {
                    notes.add("ssh option " + option + " in " + key + " does not apply: lab "
                            + (option.equalsIgnoreCase("StrictHostKeyChecking") ? "always checks host keys"
                            : "makes its own connections"));
                }
            }
        }
        return out;
    }

    private static java.util.Optional<String> proxyJump(Map<String, Value> vars) {
        for (String key : List.of("ansible_ssh_common_args", "ansible_ssh_extra_args")) {
            String args = text(vars, key);
            if (args != null) {
                Matcher m = PROXY_JUMP.matcher(args);
                if (m.find()) {
                    return java.util.Optional.of(m.group(1).replace("\"", "").replace("'", ""));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private Path expand(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return home.resolve(path.substring(Math.min(2, path.length())));
        }
        return Path.of(path);
    }

    private static String text(Map<String, Value> vars, String key) {
        Value v = vars.get(key);
        return v == null ? null : v.text();
    }

    private static String firstOf(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    private static String suggestion(String wrong, Set<String> known) {
        return Suggest.closest(wrong, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

}
