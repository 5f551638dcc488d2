package io.kubelab.labs.nodes.inventory;

import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an inventory file says before its hosts are resolved, whether it was written in YAML or INI:
 * hosts with their variables, groups with their hosts, children and variables, each with where it was written.
 */
final class RawInventory {
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

    static final class Group {
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
    record Value(String text, Location location) {
    }

    /** The hosts a pattern names ({@code node[1:3]}); a bad pattern is a problem at {@code at}. */
    static List<HostPatterns.Named> expand(String pattern, Location at, Problems problems) {
        try {
            return HostPatterns.expand(pattern);
        } catch (IllegalArgumentException e) {
            problems.error(at, "host '" + pattern + "': " + e.getMessage());
            return List.of();
        }
    }

    /** The host's variables, with the port written with its name ({@code node1:2222}) unless a variable sets one. */
    static Map<String, Value> withPort(HostPatterns.Named n, Location at, Map<String, Value> vars) {
        if (n.port() == null) {
            return vars;
        }
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("ansible_port", new Value(String.valueOf(n.port()), at));
        out.putAll(vars);
        return out;
    }

    /** A group that contains itself through its children: Ansible refuses the file, and so does lab. */
    boolean reportCycle(Problems problems) {
        for (Group g : groups.values()) {
            Deque<String> path = new ArrayDeque<>();
            if (reaches(g.name, g.name, path, new HashSet<>())) {
                problems.error(g.location, "group '" + g.name + "' contains itself: " + g.name + " > "
                        + String.join(" > ", path) + "; a group cannot be its own child");
                return true;
            }
        }
        return false;
    }

    private boolean reaches(String from, String target, Deque<String> path, Set<String> seen) {
        Group g = groups.get(from);
        if (g == null || !seen.add(from)) {
            return false;
        }
        for (String c : g.children.keySet()) {
            path.addLast(c);
            if (c.equals(target) || reaches(c, target, path, seen)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }

    /** Groups in the order their variables apply: depth under all, ansible_group_priority, name. */
    List<Group> byPrecedence() {
        Map<String, Integer> depth = new LinkedHashMap<>();
        groups.keySet().forEach(n -> depth.put(n, n.equals("all") ? 0 : 1));
        boolean changed = true;
        for (int round = 0; changed && round <= groups.size(); round++) { // no cycles here: bounded anyway
            changed = false;
            for (Group g : groups.values()) {
                for (String c : g.children.keySet()) {
                    if (depth.containsKey(c) && depth.get(c) < depth.get(g.name) + 1) {
                        depth.put(c, depth.get(g.name) + 1);
                        changed = true;
                    }
                }
            }
        }
        List<Group> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparingInt((Group g) -> depth.get(g.name))
                .thenComparingInt(RawInventory::priority).thenComparing(g -> g.name));
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

    /** The hosts of a group and of its children, theirs and so on: the hosts Ansible counts in the group. */
    Set<String> members(Group g) {
        return members(g, new HashSet<>());
    }

    private Set<String> members(Group g, Set<String> visiting) {
        Set<String> out = new LinkedHashSet<>(g.hosts.keySet());
        if (!visiting.add(g.name)) {
            return out; // a cycle: Ansible refuses it too; stop here
        }
        for (String c : g.children.keySet()) {
            Group child = groups.get(c);
            if (child != null) {
                out.addAll(members(child, visiting));
            }
        }
        return out;
    }
}
