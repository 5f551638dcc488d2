package io.kubelab.labs.nodes.inventory;

import io.kubelab.labs.nodes.inventory.RawInventory.Group;
import io.kubelab.labs.nodes.inventory.RawInventory.Value;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.YNode;
import io.kubelab.labs.yaml.YNode.YMap;
import io.kubelab.labs.yaml.YNode.YScalar;
import io.kubelab.labs.yaml.YamlSyntaxException;
import io.kubelab.labs.yaml.YamlTree;
import java.util.LinkedHashMap;
import java.util.Map;

/** An inventory written in YAML (all: hosts:, children:, vars:), as Ansible's yaml inventory plugin reads it. */
final class YamlInventory {
    private YamlInventory() {
    }

    /** Reads {@code text}, written in {@code file}, into {@code raw}; every problem is added with its line. */
    static void read(String text, String file, RawInventory raw, Problems problems) {
        YNode root;
        try {
            root = YamlTree.read(text, file, at -> problems.error(at, "this key appears twice; keep one"));
        } catch (YamlSyntaxException e) {
            problems.error(e.location(), "not valid YAML: " + e.getMessage());
            return;
        }
        readTree(root, raw, problems);
    }

    /** Reads an inventory already parsed (one written inside another file, such as a class roster). */
    static void readTree(YNode root, RawInventory raw, Problems problems) {
        if (!(root instanceof YMap top)) {
            problems.error(root.location(), "an inventory is a map of groups, starting with all:");
            return;
        }
        top.entries().values().forEach(e -> {
            raw.group(e.key(), e.keyLocation()).defined = true; // a top-level group exists even when empty
            group(e.key(), e.keyLocation(), e.value(), raw, problems);
        });
    }

    /**
     * A group's hosts:, children: and vars:. A group named as an empty child ({@code kube_node: {}})
     * is only a reference: it must be given content somewhere, or it is most likely a typo.
     */
    private static void group(String name, Location at, YNode node, RawInventory raw, Problems problems) {
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
                        for (HostPatterns.Named n : RawInventory.expand(h.key(), h.keyLocation(), problems)) {
                            g.hosts.put(n.name(), h.keyLocation());
                            raw.host(n.name(), h.keyLocation(), RawInventory.withPort(n, h.keyLocation(), vars(h.value(), problems)),
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
                        group(c.key(), c.keyLocation(), c.value(), raw, problems);
                    }
                }
                case "vars" -> g.vars.putAll(vars(e.value(), problems));
                default -> problems.error(e.keyLocation(), "unknown key '" + e.key() + "' in group '" + name
                        + "'; a group has hosts:, children: and vars:");
            }
        }
    }

    private static Map<String, Value> vars(YNode node, Problems problems) {
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

    private static boolean isNull(YNode n) {
        return n == null || (n instanceof YScalar s && s.isNull());
    }
}
