package io.kubelab.labs.actions;

import static io.kubelab.labs.actions.Key.optional;
import static io.kubelab.labs.actions.Key.required;

import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies a file from each node to this machine (e.g. admin.conf into the lab's work folder).
 *
 * @param dest a path in the lab's work folder; with several nodes it must use {{host.name}} so each gets its own file
 * @param mode octal permissions of the local copy; keys and kubeconfigs get 0600
 */
public record FetchAction(String src, String dest, String mode, String on, Location location) implements Action {

    static final String FORM = "fetch: {src: PATH on the target, dest: local PATH, mode: \"0600\"}";

    public static final ActionKind KIND = new ActionKind("fetch", "copies a file from each node to this machine; "
            + "replaced atomically, private by default",
            List.of(Key.map("fetch", "what to fetch where", List.of(
                            required("src", Key.Type.TEXT, "the path on the node"),
                            required("dest", Key.Type.TEXT, "a path in the lab's work folder (relative, or under "
                                    + "{{lab.workdir}}); with several nodes use {{host.name}} in it"),
                            optional("mode", Key.Type.MODE, "octal permissions of the local copy (default \"0600\")"))),
                    optional("on", Key.Type.TEXT, "local (default), a host, or an inventory group")),
            """
            fetch: {src: /etc/kubernetes/admin.conf, dest: "{{lab.workdir}}/admin.conf"}
            on: kube_control_plane[0]""",
            FetchAction::from);

    static FetchAction from(ActionFields in) {
        Fields a = in.fields();
        a.only(KIND.keyNames(), "in a fetch action");
        Fields f = a.fields("fetch", FORM);
        f.only(KIND.keys().get(0).fields().stream().map(Key::name).toList(), "in fetch");
        String src = f.text("src");
        String dest = f.text("dest");
        if (src == null || dest == null) {
            a.problems().error(a.at("fetch"), "fetch needs src: (the path on the target) and dest: (a local path)");
        }
        WorkFolder.problem(dest).ifPresent(p -> a.problems().error(f.at("dest"), p));
        return new FetchAction(src, dest, FileModes.read(f, "0600"), a.text("on", "local"), a.location());
    }

    @Override
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>(Template.references(src));
        names.addAll(Template.references(dest));
        return names;
    }

    @Override
    public String describe(Render render) {
        return "fetch " + render.text(src) + " -> " + render.text(dest) + " (" + mode + ")";
    }

    @Override
    public NodeRun runOn(Node node, ActionContext ctx) throws HostUnreachableException {
        return Transfers.timed(node, () -> node.download(ctx.render(node).text(src),
                WorkFolder.resolve(ctx.render(node).text(dest), ctx.workFolder()), mode));
    }
}
