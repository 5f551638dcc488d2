package io.kubelab.labs.actions;

import static io.kubelab.labs.actions.Key.optional;
import static io.kubelab.labs.actions.Key.required;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.cloud.CloudResource;
import io.kubelab.labs.cloud.Look;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Creates a billable cloud resource with the provider's CLI, on this machine. Before the command
 * runs, the resource goes on the cloud ledger — with the commands that describe and delete it — so
 * that a create killed halfway is still on record; a create that fails and leaves nothing (its
 * describe says "not found") is taken off again. A resource that already exists is not created twice.
 *
 * @param kind    what it creates, in the lab's words (gke-cluster)
 * @param perHour the estimated price per hour in US dollars
 * @param priced  when that price was checked (YYYY-MM)
 * @param converges the command brings what exists to what is declared (kops update cluster --yes), so it runs
 *                  again even when describe finds the resource — describe then says whether to delete, not whether
 *                  the work is done
 */
public record CreateAction(String kind, String provider, String name, String where, String group, String account,
                           String command, String describe, String notFound, String delete, BigDecimal perHour,
                           String priced, boolean converges, Condition when, Duration timeout, Location location)
        implements Action {

    static final List<String> PROVIDERS = List.of("aws", "gcp", "azure");
    static final Duration LOOK_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern MONTH = Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");

    public static final ActionKind KIND = new ActionKind("create",
            "creates a billable cloud resource, recorded on the cloud ledger before its command runs",
            List.of(required("create", Key.Type.TEXT, "what it creates, in a word or two: gke-cluster, resource-group"),
                    required("provider", Key.Type.TEXT, "aws, gcp or azure"),
                    required("name", Key.Type.TEXT, "its name"),
                    required("where", Key.Type.TEXT, "its region or zone"),
                    optional("group", Key.Type.TEXT, "the Azure resource group it is in"),
                    optional("account", Key.Type.TEXT, "the account, project or subscription"),
                    required("command", Key.Type.TEXT, "the command that creates it, tagging it created-by=kubelab"),
                    required("describe", Key.Type.TEXT, "a command that succeeds while it exists and fails once it is gone"),
                    required("not_found", Key.Type.TEXT, "what describe prints once it is gone (a regular expression), "
                            + "so that a describe failing for another reason (not logged in) is never taken for gone"),
                    required("delete", Key.Type.TEXT, "the command that deletes it, without asking"),
                    required("per_hour", Key.Type.TEXT, "the estimated price per hour in US dollars, e.g. \"0.13\""),
                    required("priced", Key.Type.TEXT, "when that price was checked: YYYY-MM"),
                    optional("converges", Key.Type.BOOLEAN, "the command makes what exists match a declared spec "
                            + "(kops update cluster --yes): run it again even when describe finds the resource"),
                    optional("if", Key.Type.CONDITION, "create it only when a variable has a value, e.g. "
                            + "\"{{type}} == regional\""),
                    optional("timeout", Key.Type.DURATION, "when to end the create (default 30m)")),
            """
            create: gke-cluster
            provider: gcp
            name: "{{cluster}}"
            where: "{{zone}}"
            account: "{{project}}"
            command: gcloud container clusters create {{cluster}} --zone {{zone}} --labels created-by=kubelab
            describe: gcloud container clusters describe {{cluster}} --zone {{zone}} --format=value(status)
            not_found: "code=404|Not found"
            delete: gcloud container clusters delete {{cluster}} --zone {{zone}} --quiet
            per_hour: "0.13"
            priced: "2026-11\"""",
            CreateAction::from);

    static CreateAction from(ActionFields in) {
        Fields f = in.fields();
        f.only(KIND.keyNames(), "in a create action");
        String provider = f.text("provider", "");
        if (!PROVIDERS.contains(provider)) {
            f.problems().error(f.has("provider") ? f.at("provider") : f.location(),
                    "provider must be one of " + String.join(", ", PROVIDERS));
        }
        String notFound = f.text("not_found", "");
        try {
            Pattern.compile(notFound);
        } catch (PatternSyntaxException e) {
            f.problems().error(f.at("not_found"), "not_found is not a regular expression: " + e.getDescription());
        }
        if (notFound.isBlank() && f.has("not_found")) {
            f.problems().error(f.at("not_found"), "not_found must say what describe prints once the resource is gone");
        }
        BigDecimal perHour = BigDecimal.ZERO;
        try {
            perHour = new BigDecimal(f.text("per_hour", "0").strip());
            if (perHour.signum() < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            f.problems().error(f.at("per_hour"), "per_hour must be a price in US dollars, e.g. \"0.13\"");
            perHour = BigDecimal.ZERO;
        }
        String priced = f.text("priced", "");
        if (!MONTH.matcher(priced).matches() && f.has("priced")) {
            f.problems().error(f.at("priced"), "priced must be the month the price was checked, as YYYY-MM");
        }
        return new CreateAction(f.required("create", "what it creates"), provider, f.required("name", "its name"),
                f.required("where", "its region or zone"), f.text("group", ""), f.text("account", ""),
                f.required("command", "the command that creates it"), f.required("describe", "a command that shows it"),
                notFound, f.required("delete", "the command that deletes it"), perHour, priced, f.bool("converges"),
                Condition.read(in),
                f.duration("timeout", Duration.ofMinutes(30)), f.location());
    }

    @Override
    public String on() {
        return Nodes.LOCAL; // cloud CLIs run on the learner's own machine, where they are logged in
    }

    @Override
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        // Arrays.asList, not List.of: a lab being refused still has every problem said, and a key it lacks is null.
        for (String t : Arrays.asList(name, where, group, account, command, describe, delete)) {
            names.addAll(Template.references(t));
        }
        if (when != null && when.onVariable()) {
            names.add(when.subject());
        }
        return names;
    }

    /** What {@link #resource} fills in for the ledger. */
    @Override
    public Set<String> kept() {
        Set<String> names = new LinkedHashSet<>();
        for (String t : Arrays.asList(name, where, group, account, describe, delete)) {
            names.addAll(Template.references(t));
        }
        return names;
    }

    @Override
    public String describe(Render render) {
        return render.shell(command);
    }

    /** The resource as the ledger records it, its names and commands filled in now. */
    public CloudResource resource(Render r, String lab, Instant now) {
        return new CloudResource(lab, provider, kind, r.text(name), r.text(where), r.text(group), r.text(account), now,
                perHour, priced, r.shell(delete), r.shell(describe), notFound);
    }

    @Override
    public Optional<Condition> condition() {
        return Optional.ofNullable(when);
    }

    @Override
    public String plan(Node node, ActionContext ctx) {
        CloudResource r = resource(ctx.render(node), ctx.labId(), Instant.now());
        return "creates " + r.what() + " (" + r.place() + "), about " + r.rate() + " (price checked " + priced
                + "); on the cloud ledger before it runs; " + (converges ? "run again, it converges" : "skipped if it exists");
    }

    @Override
    public Optional<String> skipOn(Node node, ActionContext ctx) throws HostUnreachableException {
        if (converges) {
            return Optional.empty();
        }
        CloudResource r = resource(ctx.render(node), ctx.labId(), Instant.now());
        Look look = look(node, r, ctx);
        return look.presence() == Look.Presence.THERE ? Optional.of(r.what() + " exists already") : Optional.empty();
    }

    @Override
    public NodeRun runOn(Node node, ActionContext ctx) throws HostUnreachableException {
        Render render = ctx.render(node);
        CloudResource r = resource(render, ctx.labId(), Instant.now());
        ctx.ledger().record(r); // before anything exists: a kill -9 from here on still leaves the record
        ctx.note("on the cloud ledger: " + r.what() + " (" + r.place() + ")");
        ExecResult run = node.exec(new ExecRequest(render.shell(command), timeout, ctx.output(node), ctx.cancellation(),
                false));
        if (!run.ok() && run.outcome() != ExecResult.Outcome.CANCELLED) {
            Look left = look(node, r, ctx);
            if (left.gone()) {
                ctx.ledger().remove(r.id());
                ctx.note("the create left nothing behind: " + r.what() + " is off the cloud ledger");
            } else {
                ctx.note(r.what() + " may exist: it stays on the cloud ledger; the teardown step deletes it, or by hand: "
                        + r.delete());
            }
        }
        return new NodeRun(NodeOutcome.of(node.name(), run, timeout), run.output());
    }

    static Look look(Node node, CloudResource r, ActionContext ctx) throws HostUnreachableException {
        return Look.of(r, node.exec(ExecRequest.of(r.describe(), LOOK_TIMEOUT).withCancellation(ctx.cancellation())));
    }
}
