package io.kubelab.labs.nodes.inventory;

import io.kubelab.labs.nodes.inventory.RawInventory.Group;
import io.kubelab.labs.nodes.inventory.RawInventory.Value;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.YNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        RawInventory raw = new RawInventory();
        if (looksLikeIni(file, text)) {
            IniInventory.read(text, display, raw, problems);
        } else {
            YamlInventory.read(text, display, raw, problems);
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
        RawInventory raw = new RawInventory();
        YamlInventory.readTree(root, raw, problems);
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

    private Inventory resolve(Path file, RawInventory raw, Problems problems) {
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
        if (raw.reportCycle(problems)) {
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
            groups.put(g.name, List.copyOf(raw.members(g)));
        }
        List<Group> byPrecedence = raw.byPrecedence();
        Set<String> notes = new LinkedHashSet<>();
        Map<String, InventoryHost> hosts = new LinkedHashMap<>();
        for (String name : raw.hostVars.keySet()) {
            // As Ansible merges them: all's vars, then each group of the host from the shallowest to the
            // deepest (then by ansible_group_priority, then by name), then the host's own.
            Map<String, Value> vars = new LinkedHashMap<>();
            for (Group g : byPrecedence) {
                if (g.name.equals("all") || raw.members(g).contains(name)) {
                    vars.putAll(g.vars);
                }
            }
            vars.putAll(raw.hostVars.get(name));
            hosts.put(name, host(name, raw.hostFirstSeen.get(name), vars, problems, notes));
        }
        return new Inventory(file, hosts, groups, List.copyOf(notes));
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
