package io.kubelab.labs.actions;

import static io.kubelab.labs.actions.Key.optional;
import static io.kubelab.labs.actions.Key.required;

import io.kubelab.checks.Say;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.EngineWords;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.pki.AddressRange;
import io.kubelab.labs.pki.CertificateFolder;
import io.kubelab.labs.pki.CertificateSpec;
import io.kubelab.labs.pki.Issued;
import io.kubelab.labs.pki.KeyAlgorithm;
import io.kubelab.labs.pki.Usage;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.values.TextWidth;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a certificate authority and the certificates it signs, on this machine, in a folder of the
 * lab's work folder (see {@link CertificateFolder}); nodes get them with {@code copy:}. Made by lab
 * itself rather than by openssl commands in the lab, so that every learner gets the same correct
 * subjects, SANs and usages, and running the step again keeps what is still right.
 */
public record CertificatesAction(String folder, String ca, String algorithm, int days, int caDays, List<Item> items,
                                 Location location) implements Action {

    /** The file name a certificate is kept under: letters, digits, '.', '_' and '-'; never "ca" (the CA's own). */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final String ITEM = "{name: admin, cn: admin, o: [system:masters], usages: [client]}";

    /** One certificate as the lab writes it (its texts still hold {{variables}}). */
    public record Item(String name, String cn, List<String> o, List<String> sans, List<String> usages, String forEach,
                       List<String> sansOf, String serviceRange) {
        public Item {
            o = List.copyOf(o);
            sans = List.copyOf(sans);
            usages = List.copyOf(usages);
            sansOf = List.copyOf(sansOf);
        }
    }

    public static final ActionKind KIND = new ActionKind("certificates", "makes a CA and the certificates it signs "
            + "on this machine, in a folder of the lab's work folder; again: keeps what is right, makes again what changed",
            List.of(required("certificates", Key.Type.TEXT, "the folder, in the lab's work folder (e.g. pki)"),
                    optional("ca", Key.Type.TEXT, "the CA's common name (default kubernetes-ca)"),
                    optional("algorithm", Key.Type.TEXT, "the keys: " + String.join(", ", KeyAlgorithm.words())
                            + " (default rsa-4096)"),
                    optional("days", Key.Type.NUMBER, "how long the certificates are valid (default 365)"),
                    optional("ca_days", Key.Type.NUMBER, "how long the CA is valid (default 3653)"),
                    Key.items("issue", "the certificates, each kept as NAME.crt and NAME.key", List.of(
                            required("name", Key.Type.TEXT, "the file name; with for_each, use {{host.name}} in it"),
                            required("cn", Key.Type.TEXT, "the subject's common name (Kubernetes: the user)"),
                            optional("o", Key.Type.LIST, "the subject's organizations (Kubernetes: the groups)"),
                            optional("sans", Key.Type.LIST, "subject alternative names: IP addresses and DNS names"),
                            optional("usages", Key.Type.LIST, "client, server, or both (default client)"),
                            optional("for_each", Key.Type.TEXT, "one certificate per node of this inventory group"),
                            optional("sans_of", Key.Type.LIST, "inventory groups whose nodes' names and addresses "
                                    + "are added to the SANs"),
                            optional("service_range", Key.Type.TEXT, "a service range (10.32.0.0/24): its first "
                                    + "address, the kubernetes service's, is added to the SANs"))),
                    optional("on", Key.Type.TEXT, "local (the default and the only place it runs)")),
            """
            certificates: pki
            algorithm: rsa-4096
            issue:
              - {name: admin, cn: admin, o: [system:masters]}
              - name: "{{host.name}}"
                for_each: kube_node
                cn: "system:node:{{host.name}}"
                o: [system:nodes]
                sans: ["{{host.name}}", "{{host.address}}", 127.0.0.1]
                usages: [client, server]""",
            CertificatesAction::from);

    public CertificatesAction {
        items = List.copyOf(items);
    }

    static CertificatesAction from(ActionFields in) {
        Fields a = in.fields();
        a.only(KIND.keyNames(), "in a certificates action");
        String folder = a.text("certificates");
        if (folder == null) {
            a.problems().error(a.at("certificates"), "certificates needs a folder in the lab's work folder, e.g. pki");
        }
        WorkFolder.problem(folder).ifPresent(p -> a.problems().error(a.at("certificates"), p));
        if (!a.text("on", "local").equals("local")) {
            a.problems().error(a.at("on"), "certificates are made on this machine (on: local); give them to nodes "
                    + "with copy: {src: pki/NAME.crt, dest: ...}");
        }
        String algorithm = a.text("algorithm", KeyAlgorithm.RSA_4096.word());
        if (Template.references(algorithm).isEmpty() && KeyAlgorithm.of(algorithm).isEmpty()) {
            a.problems().error(a.at("algorithm"), "algorithm '" + algorithm + "': lab makes "
                    + String.join(", ", KeyAlgorithm.words()));
        }
        int days = a.integer("days", 365);
        int caDays = a.integer("ca_days", 3653);
        if (days < 1 || caDays < days) {
            a.problems().error(a.at(days < 1 ? "days" : "ca_days"), "days must be at least 1, and ca_days at least days");
        }
        List<String> itemKeys = KIND.keys().stream().filter(k -> k.name().equals("issue")).findFirst().orElseThrow()
                .fields().stream().map(Key::name).toList();
        List<Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Fields f : a.items("issue", ITEM)) {
            f.only(itemKeys, "in a certificate of issue");
            String name = f.required("name", "the certificate's file name");
            String cn = f.required("cn", "the certificate's common name");
            List<String> usages = f.has("usages") ? f.texts("usages") : List.of(Usage.CLIENT.word());
            usages.stream().filter(u -> Usage.of(u).isEmpty()).forEach(u -> f.problems().error(f.at("usages"),
                    "usage '" + u + "': a certificate is for client, server, or both"));
            String forEach = f.text("for_each");
            if (name != null && Template.references(name).isEmpty()) {
                Optional<String> problem = nameProblem(name);
                if (problem.isPresent()) {
                    f.problems().error(f.at("name"), problem.get());
                } else if (!names.add(name)) {
                    f.problems().error(f.at("name"), "two certificates are named " + name);
                }
            }
            if (forEach != null && name != null && !Template.references(name).contains("host.name")) {
                f.problems().error(f.at("name"), "with for_each each node needs its own file: use {{host.name}} in name");
            }
            items.add(new Item(name, cn, f.texts("o"), f.texts("sans"), usages, forEach, f.texts("sans_of"),
                    f.text("service_range")));
        }
        if (items.isEmpty()) {
            a.problems().error(a.at("certificates"), "certificates needs issue: the certificates to make, e.g. " + ITEM);
        }
        return new CertificatesAction(folder, a.text("ca", "kubernetes-ca"), algorithm, days, caDays, items, a.location());
    }

    @Override
    public String on() {
        return "local";
    }

    @Override
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        for (String t : List.of(String.valueOf(folder), ca, algorithm)) {
            names.addAll(Template.references(t));
        }
        for (Item i : items) {
            List<String> texts = new ArrayList<>(List.of(String.valueOf(i.name()), String.valueOf(i.cn())));
            texts.addAll(i.o());
            texts.addAll(i.sans());
            if (i.serviceRange() != null) {
                texts.add(i.serviceRange());
            }
            texts.forEach(t -> names.addAll(Template.references(t)));
        }
        return names;
    }

    @Override
    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        for (Item i : items) {
            if (i.forEach() != null) {
                groups.add(i.forEach());
            }
            groups.addAll(i.sansOf());
        }
        return groups;
    }

    @Override
    public String describe(Render render) {
        List<String> what = items.stream().map(i -> i.forEach() == null ? render.text(i.name())
                : i.name() + " for each of " + i.forEach()).toList();
        return "certificates in " + render.text(folder) + "/ (" + render.text(algorithm) + "): CA " + render.text(ca)
                + "; " + String.join(", ", what);
    }

    @Override
    public NodeRun runOn(Node node, ActionContext ctx) {
        Instant started = Instant.now();
        Render r = ctx.render(node);
        try {
            KeyAlgorithm keys = KeyAlgorithm.of(r.text(algorithm)).orElseThrow(() -> new IllegalArgumentException(
                    "algorithm '" + r.text(algorithm) + "': lab makes " + String.join(", ", KeyAlgorithm.words())));
            Path dir = WorkFolder.resolve(r.text(folder) + "/ca.crt", ctx.workFolder()).getParent();
            Say say = EngineWords.in(ctx.language());
            List<Issued> made = new CertificateFolder(dir, keys, Duration.ofDays(caDays), Duration.ofDays(days),
                    Clock.systemUTC(), say).make(r.text(ca), specs(ctx, r));
            OutputListener out = ctx.output(node);
            table(made, say).forEach(line -> out.line(OutputListener.Stream.STDOUT, line));
            return NodeRun.of(new NodeOutcome(node.name(), NodeOutcome.Result.DONE, null,
                    Duration.between(started, Instant.now()), "", ""));
        } catch (IOException | IllegalArgumentException | io.kubelab.labs.LabException e) {
            // A folder that cannot be written, a value that does not fit, a group without an inventory.
            return NodeRun.of(new NodeOutcome(node.name(), NodeOutcome.Result.FAILED, null,
                    Duration.between(started, Instant.now()), e.getMessage(), ""));
        }
    }

    /** What is wrong with a certificate's file name, as written or once filled in (from a host's name). */
    private static Optional<String> nameProblem(String name) {
        return FILE_NAME.matcher(name).matches() && !name.equals("ca") ? Optional.empty()
                : Optional.of("'" + name + "' cannot name a certificate: use letters, digits, '.', '_' and '-' (and not "
                        + "ca, the CA's own)");
    }

    /** Every certificate to make, with {{variables}} and each node of for_each and sans_of filled in. */
    private List<CertificateSpec> specs(ActionContext ctx, Render here) {
        List<CertificateSpec> out = new ArrayList<>();
        for (Item i : items) {
            if (i.forEach() == null) {
                out.add(spec(i, here, ctx));
            } else {
                List<Node> nodes = ctx.nodes(i.forEach());
                if (nodes.isEmpty()) {
                    throw new IllegalArgumentException("no node in " + i.forEach() + " to make " + i.name() + " for");
                }
                nodes.forEach(n -> out.add(spec(i, ctx.render(n), ctx)));
            }
        }
        Set<String> seen = new HashSet<>();
        out.stream().filter(s -> !seen.add(s.name())).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException("two certificates would be named " + s.name());
        });
        return out;
    }

    private static CertificateSpec spec(Item i, Render r, ActionContext ctx) {
        String name = r.text(i.name());
        nameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        List<String> sans = new ArrayList<>(i.sans().stream().map(r::text).toList());
        for (String group : i.sansOf()) {
            for (Node n : ctx.nodes(group)) {
                sans.add(n.name());
                sans.add(n.networkAddress());
            }
        }
        if (i.serviceRange() != null) {
            sans.add(AddressRange.parse(r.text(i.serviceRange())).first().getHostAddress());
        }
        Set<Usage> usages = EnumSet.noneOf(Usage.class);
        i.usages().forEach(u -> usages.add(Usage.of(u).orElseThrow()));
        return new CertificateSpec(name, r.text(i.cn()), i.o().stream().map(r::text).toList(), sans, usages);
    }

    /** What was made, one certificate per line and its details under it. */
    static List<String> table(List<Issued> made, Say say) {
        int width = made.stream().mapToInt(i -> i.name().length()).max().orElse(0);
        // The status column is as wide as its widest word in the learner's language (a Chinese character is two columns).
        int column = Math.max(8, Arrays.stream(Issued.Status.values()).mapToInt(s -> TextWidth.of(word(s, say))).max()
                .orElse(0));
        List<String> out = new ArrayList<>();
        for (Issued i : made) {
            var c = i.certificate();
            String subject = CertificateFolder.describe(io.kubelab.checks.certs.Subject.of(c));
            String word = word(i.status(), say);
            out.add(word + " ".repeat(column - TextWidth.of(word) + 1) + String.format("%-" + width + "s  %s%s", i.name(),
                    subject, i.why().map(w -> "  (" + w + ")").orElse("")));
            List<String> details = new ArrayList<>();
            String sans = String.join(", ", CertificateFolder.sansOf(c));
            if (!sans.isEmpty()) {
                details.add("SANs " + sans);
            }
            details.add(say.t("until {0}", LocalDate.ofInstant(c.getNotAfter().toInstant(), ZoneOffset.UTC)));
            details.add("SHA256 " + i.fingerprint().substring(0, 23) + "…");
            out.add(" ".repeat(column + 3 + width) + String.join(" · ", details)); // under the subject
        }
        return out;
    }

    private static String word(Issued.Status status, Say say) {
        return switch (status) {
            case MADE -> say.t("made");
            case KEPT -> say.t("kept");
            case REMADE -> say.t("re-made");
        };
    }
}
