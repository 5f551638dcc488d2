package io.kubelab.labs.run;

import io.kubelab.checks.Status;
import io.kubelab.checks.host.Cancellation;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.actions.Action;
import io.kubelab.labs.actions.ActionContext;
import io.kubelab.labs.actions.NodeOutcome;
import io.kubelab.labs.actions.NodeRun;
import io.kubelab.labs.cloud.Ledger;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.nodes.Node;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.state.StepState;
import io.kubelab.labs.state.Transcript;
import io.kubelab.labs.values.Redactor;
import io.kubelab.labs.values.Render;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a step: each action on its nodes (in parallel over a group), then the step's checks. It
 * only orchestrates: what an action does, when it is skipped and how it reads in words is the
 * action's own. Every action is shown (redacted) before it runs and its output streamed; guards
 * skip work that is already done, so running a step again is safe.
 */
final class StepRunner {
    /** How often a long action reports that it is still running. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final Nodes nodes;
    private final CheckRunner checks;
    private final Transcript transcript;
    private final RunListener listener;
    private final String language;
    private final Ledger ledger;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "still-running");
        t.setDaemon(true);
        return t;
    });

    StepRunner(Nodes nodes, CheckRunner checks, Transcript transcript, RunListener listener, String language,
               Ledger ledger) {
        this.nodes = nodes;
        this.ledger = ledger;
        this.checks = checks;
        this.transcript = transcript;
        this.listener = listener;
        this.language = language;
    }

    StepOutcome run(Step step, Variables vars, RunOptions options, Consumer<StepState> stateChange) {
        stateChange.accept(StepState.RUNNING);
        StepContext ctx = new StepContext(step, vars, options.cancellation(), new RedactingListener(listener, vars::redactor));
        List<NodeOutcome> done = new ArrayList<>();
        for (Action action : step.actions()) {
            List<Node> targets = nodes.resolve(action.on());
            Optional<String> skip = unmet(action, ctx).or(() -> action.skip(ctx));
            if (skip.isPresent()) {
                targets.forEach(n -> ctx.say.commandSkipped(step, n.name(), shown(action, n, ctx), skip.get()));
                continue;
            }
            List<NodeRun> runs = nodes.workers().map(targets, options.parallelism(), n -> runOn(action, n, ctx));
            runs.forEach(r -> done.add(r.outcome()));
            if (options.cancellation().isCancelled()) {
                stateChange.accept(StepState.PENDING);
                return StepOutcome.cancelled(step.id(), done);
            }
            List<NodeOutcome> failed = runs.stream().map(NodeRun::outcome).filter(o -> !o.ok()).toList();
            if (!failed.isEmpty()) {
                stateChange.accept(StepState.FAILED);
                return StepOutcome.failed(step.id(), String.join("; ", failed.stream()
                        .map(f -> f.node() + ": " + f.problem()).toList()), done);
            }
            Optional<String> unfinished = action.finish(runs, ctx);
            if (unfinished.isPresent()) {
                stateChange.accept(StepState.FAILED);
                return StepOutcome.failed(step.id(), unfinished.get(), done);
            }
        }
        List<CheckOutcome> verified = checks.run(step.checks().stream()
                .map(c -> new CheckRunner.StepCheck(step, c)).toList(), vars, language, options.cancellation());
        if (options.cancellation().isCancelled()) {
            stateChange.accept(StepState.PENDING);
            return StepOutcome.cancelled(step.id(), done);
        }
        StepOutcome outcome = StepOutcome.checked(step.id(), done, verified);
        stateChange.accept(outcome.state());
        return outcome;
    }

    /** A dry run: each action per node with variables filled in (secrets masked); nothing is touched. */
    void plan(Step step, Variables vars) {
        StepContext ctx = new StepContext(step, vars, new Cancellation(), new RedactingListener(listener, vars::redactor));
        for (Action action : step.actions()) {
            for (Node n : nodes.resolve(action.on())) {
                ctx.say.planned(step, n.name(), shown(action, n, ctx),
                        unmet(action, ctx).map(why -> "not run: " + why).orElseGet(() -> action.plan(n, ctx)));
            }
        }
    }

    /** One action on one node: announced, guarded, timed, recorded in the transcript. */
    private NodeRun runOn(Action action, Node node, StepContext ctx) {
        String shown = shown(action, node, ctx);
        Instant started = Instant.now();
        NodeRun run;
        try {
            Optional<String> done = action.skipOn(node, ctx);
            if (done.isPresent()) {
                ctx.say.commandSkipped(ctx.step, node.name(), shown, done.get());
                return NodeRun.of(NodeOutcome.skipped(node.name(), ctx.vars.redactor().redact(done.get())));
            }
            ctx.say.commandStarting(ctx.step, node.name(), shown);
            ScheduledFuture<?> heartbeat = ticker.scheduleAtFixedRate(() -> ctx.say.stillRunning(node.name(), shown,
                    Duration.between(started, Instant.now())), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                run = action.runOn(node, ctx);
            } finally {
                heartbeat.cancel(false);
            }
        } catch (HostUnreachableException e) {
            run = NodeRun.of(NodeOutcome.unreachable(node.name(), e.reason()));
        }
        Redactor redactor = ctx.vars.redactor();
        NodeOutcome outcome = run.outcome().redacted(redactor::redact);
        transcript.append(new Transcript.Entry(started, ctx.step.id(), node.name(), action.describe(ctx.render(node)),
                outcome.exitCode(), outcome.elapsed().toMillis(), outcome.result().word(), outcome.problem(),
                outcome.outputTail()), redactor);
        ctx.say.commandFinished(ctx.step, node.name(), outcome);
        return new NodeRun(outcome, run.output());
    }

    /** Why the action's condition keeps it from running ("only when {{type}} == regional; it is zonal"), if it does. */
    private static Optional<String> unmet(Action action, ActionContext ctx) {
        return action.condition().filter(c -> !c.holds(ctx)).map(c -> c.unmet(ctx));
    }

    private static String shown(Action action, Node node, StepContext ctx) {
        return action.describe(ctx.render(node)); // masked by the listener on its way out
    }

    void close() {
        ticker.shutdownNow();
    }

    /** What an action may ask of the step it runs in. */
    private final class StepContext implements ActionContext {
        private final Step step;
        private final Variables vars;
        private final Cancellation cancellation;
        /** The listener every word of the step goes out through, masked. */
        private final RunListener say;

        StepContext(Step step, Variables vars, Cancellation cancellation, RunListener say) {
            this.step = step;
            this.vars = vars;
            this.cancellation = cancellation;
            this.say = say;
        }

        @Override
        public Render render(Node node) {
            return vars.renderer(node);
        }

        @Override
        public boolean has(String variable) {
            return vars.has(variable);
        }

        @Override
        public Optional<String> value(String variable) {
            return vars.get(variable);
        }

        @Override
        public void capture(String variable, String value) {
            vars.set(variable, value, Variables.Origin.CAPTURED);
            say.captured(variable, value);
        }

        @Override
        public List<Node> nodes(String target) {
            return nodes.resolve(target);
        }

        @Override
        public int count(String group) {
            return nodes.count(group);
        }

        @Override
        public boolean checksPass(List<String> checkIds) {
            List<CheckSpec> guards = step.checks().stream().filter(c -> checkIds.contains(c.id())).toList();
            List<CheckOutcome> results = checks.run(guards.stream().map(c -> new CheckRunner.StepCheck(step, c)).toList(),
                    vars, language, cancellation);
            return !results.isEmpty() && results.stream().allMatch(r -> r.result().status() == Status.PASS
                    || r.result().status() == Status.WARN);
        }

        @Override
        public java.nio.file.Path workFolder() {
            return java.nio.file.Path.of(vars.get("lab.workdir").orElseThrow());
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }

        @Override
        public String language() {
            return language;
        }

        @Override
        public String labId() {
            return vars.get("lab.id").orElseThrow();
        }

        @Override
        public Ledger ledger() {
            return ledger;
        }

        @Override
        public void note(String message) {
            say.warning(message);
        }

        @Override
        public OutputListener output(Node node) {
            return new OutputListener() {
                @Override
                public void line(Stream stream, String line) {
                    say.output(node.name(), stream, line);
                }

                @Override
                public void pause() {
                    say.outputPaused();
                }
            };
        }
    }
}
