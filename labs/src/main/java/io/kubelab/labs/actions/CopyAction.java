package io.kubelab.labs.actions;

import static io.kubelab.labs.actions.Key.optional;
import static io.kubelab.labs.actions.Key.required;

import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies a file to each node, replacing the destination atomically.
 *
 * @param src     a local file to copy (may use {{variables}}), or null when {@code content} is given
 * @param content the file's text, written in the lab (may use {{variables}}), or null
 * @param mode    octal permissions, e.g. "0644"
 * @param owner   "user" or "user:group", or null
 */
public record CopyAction(String src, String content, String dest, String mode, String owner, String on,
                         Condition when, Location location) implements Action {

    static final String FORM = "copy: {src: FILE or content: TEXT, dest: PATH, mode: \"0644\"}";

    public static final ActionKind KIND = new ActionKind("copy", "copies a local file, or text written in the lab, "
            + "to each node; replaced atomically",
            List.of(Key.map("copy", "what to copy where", List.of(
                            optional("src", Key.Type.TEXT, "a file on this machine; relative to the lab's work folder"),
                            optional("content", Key.Type.TEXT, "the file's text, written here ({{variables}} allowed)"),
                            required("dest", Key.Type.TEXT, "the absolute path on a node; with on: local, a path in the "
                                    + "lab's work folder"),
                            optional("mode", Key.Type.MODE, "octal permissions (default \"0644\")"),
                            optional("owner", Key.Type.TEXT, "user or user:group"))),
                    optional("on", Key.Type.TEXT, "local (default), a host, or an inventory group"),
                    optional("if", Key.Type.CONDITION, "copy only when a variable has a value (\"{{auto_mode}} == true\") "
                            + "or a group has so many hosts")),
            """
            copy: {content: "overlay\\nbr_netfilter\\n", dest: /etc/modules-load.d/k8s.conf, mode: "0644"}
            on: all""",
            CopyAction::from);

    static CopyAction from(ActionFields in) {
        Fields a = in.fields();
        a.only(KIND.keyNames(), "in a copy action");
        Fields f = a.fields("copy", FORM);
        f.only(KIND.keys().get(0).fields().stream().map(Key::name).toList(), "in copy");
        String src = f.text("src");
        String content = f.text("content");
        if ((src == null) == (content == null)) {
            a.problems().error(a.at("copy"), "copy needs exactly one of src: (a local file) or content: (the text)");
        }
        String dest = f.text("dest");
        String on = a.text("on", "local");
        if (dest == null) {
            a.problems().error(a.at("copy"), "copy needs dest: the path on the target");
        } else if (on.equals("local")) {
            WorkFolder.problem(dest).ifPresent(p -> a.problems().error(f.at("dest"), p));
        } else if (!dest.strip().startsWith("/") && !dest.strip().startsWith("{{")) {
            a.problems().error(f.at("dest"), "a copy to a node needs an absolute path there (e.g. /"
                    + dest.strip() + "); nodes have no work folder");
        }
        return new CopyAction(src, content, dest, FileModes.read(f, "0644"), f.text("owner"), on, Condition.read(in),
                a.location());
    }

    @Override
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>(Template.references(src));
        names.addAll(Template.references(content));
        names.addAll(Template.references(dest));
        if (when != null && when.onVariable()) {
            names.add(when.subject());
        }
        return names;
    }

    @Override
    public String describe(Render render) {
        String what = src != null ? render.text(src) : "(text in the lab)";
        String line = "copy " + what + " -> " + render.text(dest) + " (" + mode + (owner == null ? "" : ", " + owner) + ")";
        // Text written in the lab is shown too, under the line (secrets masked on the way out): what runs is what is shown.
        return content == null ? line : line + ":\n" + render.text(content).stripTrailing();
    }

    @Override
    public java.util.Optional<Condition> condition() {
        return java.util.Optional.ofNullable(when);
    }

    @Override
    public NodeRun runOn(Node node, ActionContext ctx) throws HostUnreachableException {
        return Transfers.timed(node, () -> {
            // On this machine the file goes in the work folder; on a node, where the lab says.
            String target = on.equals("local") ? WorkFolder.resolve(ctx.render(node).text(dest), ctx.workFolder()).toString()
                    : ctx.render(node).text(dest);
            if (src != null) {
                // A relative source is a file in the work folder (one fetched earlier, say).
                node.upload(ctx.workFolder().resolve(ctx.render(node).text(src)), target, mode, owner);
                return;
            }
            // Text written in the lab: rendered into a private temp file, uploaded, and removed.
            Path tmp = Files.createTempFile("kubelab-copy", ".tmp");
            try {
                Files.writeString(tmp, ctx.render(node).text(content));
                node.upload(tmp, target, mode, owner);
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
    }
}
