package io.kubelab.labs.actions;

import static io.kubelab.labs.actions.Key.optional;
import static io.kubelab.labs.actions.Key.required;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.EngineWords;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs an Ansible playbook from this machine against the learner's inventory, as kubespray is
 * run, and shows its progress from Ansible's machine-readable callback (ansible.posix.jsonl) rather
 * than its text: plays and tasks done out of what the playbook lists, the time so far, each failure
 * with its host and message, the recap per host. The listing (--list-tasks) is taken first for the
 * total; a failed run names the first host that failed, the task and Ansible's message.
 *
 * @param dir       the folder the playbook is run from (the kubespray checkout), relative to the work folder
 * @param inventory the inventory file, by default the lab's ({{lab.inventory}})
 * @param command   the ansible-playbook to run (one in a virtual environment, say)
 * @param become    run tasks as root (-b), as kubespray needs
 * @param extra     more arguments, e.g. "-e reset_confirmation=yes"
 */
public record PlaybookAction(String playbook, String dir, String inventory, String command, boolean become,
                             String extra, Condition when, Duration timeout, Location location) implements Action {

    static final String CALLBACK = "ANSIBLE_STDOUT_CALLBACK=ansible.posix.jsonl ANSIBLE_NOCOLOR=1";
    private static final Duration LISTING_TIMEOUT = Duration.ofMinutes(3);

    public static final ActionKind KIND = new ActionKind("playbook",
            "runs an Ansible playbook against the lab's inventory, with progress read from Ansible's JSON events",
            List.of(required("playbook", Key.Type.TEXT, "the playbook, relative to dir: cluster.yml"),
                    required("dir", Key.Type.TEXT, "the folder it runs from (the kubespray checkout)"),
                    optional("inventory", Key.Type.TEXT, "the inventory file (default: the lab's, {{lab.inventory}})"),
                    optional("command", Key.Type.TEXT, "the ansible-playbook to run (default: ansible-playbook on "
                            + "the PATH), e.g. one in a virtual environment"),
                    optional("become", Key.Type.BOOLEAN, "run tasks as root (-b)"),
                    optional("extra", Key.Type.TEXT, "more arguments, e.g. \"-e reset_confirmation=yes\""),
                    optional("if", Key.Type.CONDITION, "run only when a variable has a value or a group so many hosts"),
                    optional("timeout", Key.Type.DURATION, "when to end it (default 90m)")),
            """
            playbook: cluster.yml
            dir: "{{lab.workdir}}/kubespray"
            become: true
            timeout: 90m""",
            PlaybookAction::from);

    static PlaybookAction from(ActionFields in) {
        Fields f = in.fields();
        f.only(KIND.keyNames(), "in a playbook action");
        return new PlaybookAction(f.required("playbook", "the playbook to run"), f.required("dir", "the folder it runs "
                + "from"), f.text("inventory", "{{lab.inventory}}"), f.text("command", "ansible-playbook"), f.bool("become"),
                f.text("extra", ""), Condition.read(in), f.duration("timeout", Duration.ofMinutes(90)), f.location());
    }

    @Override
    public String on() {
        return Nodes.LOCAL; // Ansible runs here and reaches the nodes itself
    }

    @Override
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        for (String t : List.of(playbook, dir, inventory, command, extra)) {
            names.addAll(Template.references(t));
        }
        if (when != null && when.onVariable()) {
            names.add(when.subject());
        }
        return names;
    }

    @Override
    public Optional<Condition> condition() {
        return Optional.ofNullable(when);
    }

    /** The command as it runs, with or without more arguments (--list-tasks for the total). */
    private String line(Render r, String more) {
        return "cd " + r.shell(dir) + " && " + CALLBACK + " " + r.shell(command) + " -i " + r.shell(inventory) + " "
                + r.shell(playbook) + (become ? " -b" : "") + (extra.isBlank() ? "" : " " + r.shell(extra)) + more;
    }

    @Override
    public String describe(Render render) {
        return line(render, "");
    }

    @Override
    public String plan(Node node, ActionContext ctx) {
        return "counts its tasks first (--list-tasks); shows plays, tasks, failures and the recap per host";
    }

    @Override
    public NodeRun runOn(Node node, ActionContext ctx) throws HostUnreachableException {
        Render r = ctx.render(node);
        // The same command listing its tasks (text by nature): only the totals the bar is drawn against.
        ExecResult listing = node.exec(ExecRequest.of(line(r, " --list-tasks"), LISTING_TIMEOUT)
                .withCancellation(ctx.cancellation()));
        int[] totals = listing.ok() ? totals(listing.stdout()) : new int[] {0, 0};
        OutputListener out = ctx.output(node);
        PlaybookProgress progress = new PlaybookProgress(out, EngineWords.in(ctx.language()), totals[0], totals[1]);
        ExecResult run = node.exec(new ExecRequest(line(r, ""), timeout, progress, ctx.cancellation(), false));
        NodeOutcome outcome = NodeOutcome.of(node.name(), run, timeout);
        String problem = progress.problem();
        if (!run.ok() && run.outcome() == ExecResult.Outcome.EXITED && !problem.isEmpty()) {
            outcome = new NodeOutcome(node.name(), NodeOutcome.Result.FAILED, run.exitCode(), run.elapsed(), problem,
                    outcome.outputTail());
        }
        return new NodeRun(outcome, progress.said());
    }

    /** Plays and tasks in a --list-tasks listing: "  play #2 (...)" lines, and the lines under each "tasks:". */
    static int[] totals(String listing) {
        int plays = 0;
        int tasks = 0;
        boolean inTasks = false;
        for (String line : listing.split("\n")) {
            String t = line.strip();
            if (t.startsWith("play #")) {
                plays++;
                inTasks = false;
            } else if (t.equals("tasks:")) {
                inTasks = true;
            } else if (inTasks && !t.isEmpty()) {
                tasks++;
            }
        }
        return new int[] {plays, tasks};
    }

}
