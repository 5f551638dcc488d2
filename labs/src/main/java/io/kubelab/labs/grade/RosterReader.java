package io.kubelab.labs.grade;

import io.kubelab.labs.nodes.inventory.InventoryException;
import io.kubelab.labs.nodes.inventory.InventoryReader;
import io.kubelab.labs.run.FileDigest;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.InvalidFileException;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.YNode;
import io.kubelab.labs.yaml.YamlSyntaxException;
import io.kubelab.labs.yaml.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a class roster (YAML, docs/roster.md, docs/roster.schema.json). Every problem is reported
 * at once with file:line, as for labs and inventories. Files a learner's entry names are resolved
 * against the roster's folder but not opened here: one learner's missing file is that learner's
 * "could not look", never the whole class's.
 */
public final class RosterReader {
    static final Set<String> TOP_KEYS = Set.of("title", "pass_mark", "jump", "learners");
    static final Set<String> LEARNER_KEYS = Set.of("id", "name", "inventory", "kubeconfig", "context", "jump", "set");
    /** Ids name evidence files: letters, digits, dot, dash, underscore; not starting with a dot. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

    private final InventoryReader inventories;

    /** @param inventories reads inventories written inline, as they apply on this machine */
    public RosterReader(InventoryReader inventories) {
        this.inventories = inventories;
    }

    public Roster read(Path file) throws InvalidFileException {
        Problems problems = new Problems();
        String display = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.error(Location.of(display), "cannot read the roster: " + e.getMessage());
            throw new InvalidFileException(problems.sorted());
        }
        YNode root;
        try {
            root = YamlTree.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), display,
                    at -> problems.error(at, "this key appears twice; keep one"));
        } catch (YamlSyntaxException e) {
            problems.error(e.location(), "not valid YAML: " + e.getMessage());
            throw new InvalidFileException(problems.sorted());
        }
        Fields top = Fields.of(root, problems, "a roster is a map with learners: (see docs/roster.md)");
        top.only(TOP_KEYS, "in a roster");
        int passMark = top.integer("pass_mark", 100);
        if (passMark < 0 || passMark > 100) {
            problems.error(top.at("pass_mark"), "pass_mark is a percentage, from 0 to 100");
        }
        String jump = top.text("jump");
        Path folder = file.toAbsolutePath().getParent();
        List<Learner> learners = new ArrayList<>();
        if (!top.has("learners") || !(top.node("learners") instanceof YNode.YList list) || list.items().isEmpty()) {
            problems.error(top.has("learners") ? top.at("learners") : top.location(),
                    "learners: must list the class, each with an id and an inventory or a kubeconfig");
        } else {
            Set<String> ids = new HashSet<>();
            for (YNode item : list.items()) {
                Learner l = learner(Fields.of(item, problems, "a learner is a map with id, name, inventory, kubeconfig"),
                        folder, jump, file);
                if (l != null && !ids.add(l.id())) {
                    problems.error(l.location(), "learner id '" + l.id() + "' appears twice; ids must be unique");
                }
                if (l != null) {
                    learners.add(l);
                }
            }
        }
        if (problems.hasErrors()) {
            throw new InvalidFileException(problems.sorted());
        }
        return new Roster(file, top.text("title", ""), passMark, learners, FileDigest.sha256(bytes));
    }

    private Learner learner(Fields f, Path folder, String classJump, Path file) {
        f.only(LEARNER_KEYS, "in a learner");
        String id = f.required("id", "the learner's id, e.g. id: alice (it names their evidence file)");
        if (id == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            f.problems().error(f.at("id"), "learner id '" + id + "' must be letters, digits, '.', '-' or '_' "
                    + "(at most 64, not starting with '.'): it names a file");
        }
        Path inventoryFile = null;
        io.kubelab.labs.nodes.inventory.Inventory inline = null;
        if (f.has("inventory")) {
            YNode inv = f.node("inventory");
            if (inv instanceof YNode.YMap) {
                try {
                    inline = inventories.read(inv, file);
                } catch (InventoryException e) {
                    e.problems().forEach(p -> f.problems().error(p.location(), "learner '" + id + "': " + p.message()));
                }
            } else {
                inventoryFile = path(f, "inventory", folder);
            }
        }
        Path kubeconfig = f.has("kubeconfig") ? path(f, "kubeconfig", folder) : null;
        if (inventoryFile == null && inline == null && kubeconfig == null && !f.has("inventory")) {
            f.problems().error(f.location(), "learner '" + id + "' has neither inventory: nor kubeconfig:; give "
                    + "how to reach their nodes, their cluster, or both");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (f.has("set")) {
            if (f.node("set") instanceof YNode.YMap m) {
                m.entries().values().forEach(e -> values.put(e.key(), Fields.scalar(e.value(), e.key(), f.problems())));
            } else {
                f.problems().error(f.at("set"), "set: must be a map of the lab's variables, e.g. set: {pod_cidr: 10.244.0.0/16}");
            }
        }
        values.values().removeIf(java.util.Objects::isNull);
        return new Learner(id, f.text("name", id), inventoryFile, inline, kubeconfig, f.text("context"),
                f.map().has("jump") ? f.text("jump") : classJump, values, f.location()); // jump: null, none
    }

    private static Path path(Fields f, String key, Path folder) {
        String text = f.text(key);
        if (text == null || text.isBlank()) {
            f.problems().error(f.at(key), key + " must be a file (relative to the roster) or written inline");
            return null;
        }
        return folder.resolve(text).normalize();
    }
}
