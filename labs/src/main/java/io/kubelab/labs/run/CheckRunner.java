package io.kubelab.labs.run;

import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckKind;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.ParamType;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.cluster.Kubeconfig;
import io.kubelab.checks.cluster.KubeconfigCluster;
import io.kubelab.checks.host.Cancellation;
import io.kubelab.checks.host.Host;
import io.kubelab.labs.LabException;
import io.kubelab.labs.actions.Condition;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.values.Redactor;
import io.kubelab.labs.values.Render;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs checks, concurrently where they are independent (every check on every node is its own
 * task), and returns results in the order the lab declares them.
 */
public final class CheckRunner {
    /** How many checks look at once. */
    private static final int PARALLELISM = 16;

    private final CheckRegistry registry;
    private final Nodes nodes;
    private final Map<String, String> env;
    private final Duration timeout;

    public CheckRunner(CheckRegistry registry, Nodes nodes, Map<String, String> env, Duration timeout) {
        this.registry = registry;
        this.nodes = nodes;
        this.env = env;
        this.timeout = timeout;
    }

    /** A check of a step. */
    public record StepCheck(Step step, CheckSpec spec) {
    }

    private boolean applies(CheckSpec spec, Variables variables) {
        Condition when = spec.when();
        return when == null || when.holds(variables::get, nodes::count);
    }

    public List<CheckOutcome> run(List<StepCheck> checks, Variables variables, String language) {
        return run(checks, variables, language, new Cancellation());
    }

    /** Runs checks until Ctrl-C: after {@code cancel}, checks not yet done are skipped as cancelled. */
    public List<CheckOutcome> run(List<StepCheck> declared, Variables variables, String language, Cancellation cancel) {
        // A check for another choice (a regional cluster's zones when the learner made a zonal one) is not run at all.
        List<StepCheck> checks = declared.stream().filter(sc -> applies(sc.spec(), variables)).toList();
        Redactor redactor = variables.redactor();
        Say say = new Say(language);
        Host local = nodes.local();
        Map<String, ClusterAccess> clusters = new ConcurrentHashMap<>();
        try {
            // One task per check and node, in declaration order; a result already known is a task that returns it.
            List<Task> tasks = new ArrayList<>();
            for (StepCheck sc : checks) {
                CheckSpec spec = sc.spec();
                String title = variables.render(spec.title().in(language));
                String hint = spec.hint().in(language);
                Map<String, Object> params;
                Check check;
                CheckKind kind;
                try {
                    kind = registry.find(spec.kind()).orElseThrow(() ->
                            new BadParameterException("unknown check kind '" + spec.kind() + "'"));
                    params = render(spec.params(), variables, kind);
                    check = kind.create(new Params(params));
                } catch (IllegalArgumentException e) { // BadParameterException, or a bad pattern
                    tasks.add(Task.known(new CheckOutcome(sc.step().id(), spec.id(), title, spec.on(),
                            new CheckResult(Status.ERROR, "", redactor.redact(e.getMessage()), "", ""))));
                    continue;
                }
                if (kind.scope() == CheckKind.Scope.CLUSTER) {
                    ClusterAccess cluster = clusters.computeIfAbsent(clusterKey(params), k -> openCluster(params));
                    tasks.add(new Task(sc.step().id(), spec.id(), title, "cluster", () -> outcome(sc, title, hint, "cluster",
                            check, new CheckContext(local, cluster, timeout).in(say), false)));
                    continue;
                }
                if (kind.scope() == CheckKind.Scope.FILES) {
                    List<FileDigest> reads = reads();
                    Host here = new CancellableHost(local, cancel, reads);
                    tasks.add(new Task(sc.step().id(), spec.id(), title, Nodes.LOCAL, () -> outcome(sc, title, hint,
                            Nodes.LOCAL, check, new CheckContext(here, ClusterAccess.none(), timeout).in(say), false)
                            .withFilesRead(reads)));
                    continue;
                }
                List<Node> targets;
                try {
                    targets = nodes.resolve(spec.on());
                } catch (LabException e) {
                    tasks.add(Task.known(new CheckOutcome(sc.step().id(), spec.id(), title, spec.on(),
                            new CheckResult(Status.ERROR, "", e.getMessage(), "", ""))));
                    continue;
                }
                if (targets.isEmpty()) {
                    tasks.add(Task.known(new CheckOutcome(sc.step().id(), spec.id(), title, spec.on(),
                            CheckResult.skip(spec.on() + " has no hosts in this inventory"))));
                    continue;
                }
                if (kind.scope() == CheckKind.Scope.HOSTS) {
                    List<FileDigest> reads = reads();
                    List<Host> all = targets.stream().map(n -> (Host) new CancellableHost(n, cancel, reads)).toList();
                    tasks.add(new Task(sc.step().id(), spec.id(), title, spec.on(), () -> outcome(sc, title, hint,
                            spec.on(), check, new CheckContext(all.get(0), all, ClusterAccess.none(), timeout).in(say),
                            false).withFilesRead(reads)));
                    continue;
                }
                boolean several = targets.size() > 1 || !spec.on().equals(targets.get(0).name());
                for (Node node : targets) {
                    List<FileDigest> reads = reads();
                    tasks.add(new Task(sc.step().id(), spec.id() + (several ? "@" + node.name() : ""), title, node.name(),
                            () -> outcome(sc, title, hint, node.name(), check, new CheckContext(
                                    new CancellableHost(node, cancel, reads), ClusterAccess.none(), timeout).in(say),
                                    several).withFilesRead(reads)));
                }
            }
            // Every outcome leaves here through the redactor, whatever field a secret reached.
            return nodes.workers().map(tasks, PARALLELISM, t -> {
                CheckOutcome o = cancel.isCancelled() ? null : t.run().get();
                return (cancel.isCancelled() && (o == null || !t.wasKnown()) ? t.cancelled() : o).redacted(redactor);
            });
        } finally {
            clusters.values().forEach(ClusterAccess::close);
        }
    }

    /** Where one check's host notes the files it reads (its hosts may read at once). */
    private static List<FileDigest> reads() {
        return java.util.Collections.synchronizedList(new ArrayList<>());
    }

    /** One check on one target, to run; it knows what it is, so a check Ctrl-C stopped can still be named. */
    private record Task(String step, String check, String title, String target, Supplier<CheckOutcome> run,
                        boolean wasKnown) {
        Task(String step, String check, String title, String target, Supplier<CheckOutcome> run) {
            this(step, check, title, target, run, false);
        }

        /** A result known before anything runs (a bad parameter, an empty group). */
        static Task known(CheckOutcome o) {
            return new Task(o.step(), o.check(), o.title(), o.target(), () -> o, true);
        }

        /** Ctrl-C stopped it, or came before it started: a skip, not a failure of the learner's work. */
        CheckOutcome cancelled() {
            return new CheckOutcome(step, check, title, target, CheckResult.skip("cancelled (Ctrl-C)"));
        }
    }

    private static CheckOutcome outcome(StepCheck sc, String title, String hint, String target, Check check,
                                        CheckContext ctx, boolean nameHost) {
        CheckResult r;
        try {
            r = check.run(ctx);
        } catch (RuntimeException e) {
            // A check must never take the whole report down; what it hit is reported as an error.
            r = CheckResult.error("", e.getClass().getSimpleName() + ": " + e.getMessage(), "", "");
        }
        r = r.withHint(hint);
        String id = sc.spec().id() + (nameHost ? "@" + target : "");
        return new CheckOutcome(sc.step().id(), id, title, target, r);
    }

    /** Fills in the parameters' variables: a command's as shell words, the others as they are. */
    private Map<String, Object> render(Map<String, Object> params, Variables variables, CheckKind kind) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            boolean command = kind.param(e.getKey()).map(p -> p.type() == ParamType.COMMAND).orElse(false);
            out.put(e.getKey(), renderValue(e.getValue(), variables, command));
        }
        return out;
    }

    private Object renderValue(Object value, Variables variables, boolean command) {
        if (value instanceof String s) {
            List<String> missing = variables.missing(s);
            if (!missing.isEmpty()) {
                throw new BadParameterException("variable {{" + missing.get(0) + "}} has no value yet; "
                        + "run the step that sets it, or pass --set " + missing.get(0) + "=...");
            }
            Render render = variables.renderer();
            return command ? render.shell(s) : render.text(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> renderValue(v, variables, command)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), renderValue(v, variables, command)));
            return out;
        }
        return value;
    }

    private String clusterKey(Map<String, Object> params) {
        return params.getOrDefault(CheckRegistry.KUBECONFIG, "") + "|" + params.getOrDefault(CheckRegistry.CONTEXT, "");
    }

    private ClusterAccess openCluster(Map<String, Object> params) {
        Object file = params.get(CheckRegistry.KUBECONFIG);
        Object context = params.get(CheckRegistry.CONTEXT);
        Path kubeconfig = file == null ? Kubeconfig.defaultPath(env) : Path.of(String.valueOf(file));
        return new KubeconfigCluster(kubeconfig, context == null ? null : String.valueOf(context), timeout);
    }
}
