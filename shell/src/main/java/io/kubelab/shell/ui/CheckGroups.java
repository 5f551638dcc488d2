package io.kubelab.shell.ui;

import io.kubelab.checks.CheckResult;
import io.kubelab.labs.run.CheckOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Check results as a learner reads them: the same result of one check on several nodes is one
 * block naming the nodes ("swap is off (swap@node2, node3)"), not the same lines once per node.
 * Results are the same when they differ only in the node's name and addresses.
 */
final class CheckGroups {
    private CheckGroups() {
    }

    /** One block: the outcomes (at least one) that read the same, in the order they came. */
    record Group(List<CheckOutcome> members) {
        CheckOutcome first() {
            return members.get(0);
        }

        /** The check id without its node: "swap" of "swap@node2". */
        String baseId() {
            String id = first().check();
            int at = id.indexOf('@');
            return at < 0 ? id : id.substring(0, at);
        }

        List<String> targets() {
            return members.stream().map(CheckOutcome::target).toList();
        }
    }

    static List<Group> of(List<CheckOutcome> outcomes) {
        Map<String, List<CheckOutcome>> byKey = new LinkedHashMap<>();
        for (CheckOutcome o : outcomes) {
            byKey.computeIfAbsent(key(o), k -> new ArrayList<>()).add(o);
        }
        return byKey.values().stream().map(Group::new).toList();
    }

    private static String key(CheckOutcome o) {
        CheckResult r = o.result();
        String id = o.check();
        if (!id.contains("@")) {
            return "\u0000" + o.step() + "\u0000" + id; // ran once: a group of its own
        }
        return String.join("\u0000", o.step(), id.substring(0, id.indexOf('@')), r.status().name(),
                neutral(r.expected(), o.target()), neutral(r.observed(), o.target()), neutral(r.hint(), o.target()));
    }

    /** The text with the node's name and any IPv4 address (and port) made the same for every node. */
    static String neutral(String text, String target) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\b[0-9]{1,3}(\\.[0-9]{1,3}){3}(:[0-9]+)?\\b", "\u0001");
        return target.isEmpty() ? t : t.replace(target, "\u0002");
    }
}
