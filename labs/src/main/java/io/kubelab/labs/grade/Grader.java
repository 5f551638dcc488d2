package io.kubelab.labs.grade;

import io.kubelab.checks.CheckKind;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Status;
import io.kubelab.labs.LabException;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.nodes.NodeFactory;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.nodes.Workers;
import io.kubelab.labs.nodes.inventory.Inventory;
import io.kubelab.labs.run.CheckOutcome;
import io.kubelab.labs.run.CheckRunner;
import io.kubelab.labs.run.FileDigest;
import io.kubelab.labs.run.Variables;
import io.kubelab.labs.yaml.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grades a class: the lab's checks on every learner's environment at once, learners in parallel
 * (bounded), each learner's nodes opened once and kept for every check and every round of a
 * watch. Grading only looks: no action runs, nothing is written on a learner's machine.
 *
 * <p>What cannot be seen from the instructor's side is not graded rather than failed: a check of
 * the learner's own computer ({@code on: local}, files in their lab folder), a check needing a
 * value the learner's session captured (unless the roster gives it under {@code set:}). What
 * could not be looked at (a node unreachable, a kubeconfig missing) is "?", never a fail.
 */
public final class Grader implements AutoCloseable {

    /**
     * @param parallel          how many learners are looked at at once
     * @param acceptNewHostKeys accept nodes' host keys never seen before (never a changed one)
     * @param workFolder        what {{lab.workdir}} means while grading (the instructor's)
     */
    public record Settings(CheckRegistry registry, Map<String, String> env, String language, Duration checkTimeout,
                           int parallel, boolean acceptNewHostKeys, Path workFolder) {
        public Settings {
            env = Map.copyOf(env);
            if (parallel < 1) {
                throw LabException.badInput("--parallel must be 1 or more");
            }
        }
    }

    /** A learner's opened nodes, or why they could not be opened. */
    private record Environment(Nodes nodes, String problem) {
    }

    private final Lab lab;
    private final Roster roster;
    private final List<Step> steps;
    private final Settings settings;
    private final NodeFactory nodeFactory;
    private final boolean labHasPoints;
    private final Map<String, Environment> environments = new ConcurrentHashMap<>();
    private final Workers workers = new Workers();

    public Grader(Lab lab, Roster roster, List<Step> steps, Settings settings, NodeFactory nodeFactory) {
        for (Learner l : roster.learners()) {
            try {
                Variables.checkNames(lab, l.values().keySet());
            } catch (LabException e) {
                throw LabException.badInput(roster.file() + ": learner '" + l.id() + "', set: " + e.getMessage());
            }
        }
        this.lab = lab;
        this.roster = roster;
        this.steps = List.copyOf(steps);
        this.settings = settings;
        this.nodeFactory = nodeFactory;
        this.labHasPoints = lab.steps().stream().anyMatch(s -> s.points() > 0
                || s.checks().stream().anyMatch(c -> c.points() > 0));
    }

    /**
     * The steps graded: those named (in the lab's order), else every step with checks that a
     * learner must do (not the optional teardown).
     */
    public static List<Step> steps(Lab lab, List<String> named) {
        if (named.isEmpty()) {
            return lab.steps().stream().filter(s -> !s.optional() && !s.checks().isEmpty()).toList();
        }
        named.forEach(lab::requireStep); // a step the lab does not have is named, with the ones it has
        return lab.steps().stream().filter(s -> named.contains(s.id())).toList();
    }

    /** Grades every learner once (nodes opened in an earlier round are used again, failures retried). */
    public ClassGrade round() {
        Instant at = Instant.now();
        long start = System.nanoTime();
        List<LearnerGrade> grades = workers.map(roster.learners(), settings.parallel(), this::grade);
        return new ClassGrade(lab.id(), roster, steps.stream().map(Step::id).toList(), grades, at,
                (System.nanoTime() - start) / 1_000_000);
    }

    private LearnerGrade grade(Learner learner) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Environment env = environments.computeIfAbsent(learner.id(), id -> open(learner));
        env.nodes().newCommand();
        Variables variables = Variables.on(lab, settings.workFolder(), env.nodes(), Map.of(), learner.values());
        List<FileDigest> kubeconfig = kubeconfigDigest(learner);

        // Each check is either known now (not gradable from here, or the roster lacks what it needs) or run.
        List<Object> slots = new ArrayList<>();
        List<CheckRunner.StepCheck> toRun = new ArrayList<>();
        for (Step step : steps) {
            for (CheckSpec spec : step.checks()) {
                Optional<CheckOutcome> known = known(step, spec, learner, env, variables);
                if (known.isPresent()) {
                    slots.add(known.get());
                } else {
                    CheckRunner.StepCheck sc = new CheckRunner.StepCheck(step, forLearner(spec, learner));
                    slots.add(sc);
                    toRun.add(sc);
                }
            }
        }
        List<CheckOutcome> ran = new CheckRunner(settings.registry(), env.nodes(), settings.env(),
                settings.checkTimeout()).run(toRun, variables, settings.language());
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (Object slot : slots) {
            if (slot instanceof CheckOutcome o) {
                outcomes.add(o);
                continue;
            }
            CheckRunner.StepCheck sc = (CheckRunner.StepCheck) slot;
            for (CheckOutcome o : ran) {
                if (o.step().equals(sc.step().id()) && o.isOf(sc.spec().id())) {
                    outcomes.add(isCluster(sc.spec()) ? o.withFilesRead(kubeconfig) : o);
                }
            }
        }
        List<StepGrade> grades = steps.stream().map(s -> score(s, outcomes)).toList();
        return new LearnerGrade(learner, grades, outcomes, started, (System.nanoTime() - start) / 1_000_000);
    }

    /** The outcome of a check that is not run for this learner, and why; empty when it is run. */
    private Optional<CheckOutcome> known(Step step, CheckSpec spec, Learner learner, Environment env,
                                         Variables variables) {
        Optional<CheckKind> kind = settings.registry().find(spec.kind());
        if (kind.isEmpty()) {
            return Optional.empty(); // the runner reports it
        }
        String title = variables.render(spec.title().in(settings.language()));
        CheckKind.Scope scope = kind.get().scope();
        boolean local = scope == CheckKind.Scope.FILES
                || (scope != CheckKind.Scope.CLUSTER && Nodes.LOCAL.equals(spec.on()));
        if (local) {
            return Optional.of(new CheckOutcome(step.id(), spec.id(), title, Nodes.LOCAL, CheckResult.skip(
                    "looks at the learner's own computer, which grading does not reach")));
        }
        if (scope == CheckKind.Scope.CLUSTER && learner.kubeconfig() == null) {
            return Optional.of(new CheckOutcome(step.id(), spec.id(), title, "cluster", CheckResult.error(
                    "the learner's cluster", "the roster gives no kubeconfig for '" + learner.id() + "'", "",
                    "add kubeconfig: (and context:) for them in " + roster.file())));
        }
        if (scope != CheckKind.Scope.CLUSTER && !learner.hasNodes()) {
            return Optional.of(new CheckOutcome(step.id(), spec.id(), title, spec.on(), CheckResult.error(
                    "the learner's nodes", "the roster gives no inventory for '" + learner.id() + "'", "",
                    "add inventory: (a file, or the hosts written inline) for them in " + roster.file())));
        }
        if (scope != CheckKind.Scope.CLUSTER && env.problem() != null) {
            return Optional.of(new CheckOutcome(step.id(), spec.id(), title, spec.on(), CheckResult.error(
                    "the learner's nodes", env.problem(), "", "fix their inventory: in " + roster.file())));
        }
        List<String> missing = new ArrayList<>();
        boolean cluster = scope == CheckKind.Scope.CLUSTER;
        spec.params().forEach((k, v) -> {
            if (!(cluster && (k.equals(CheckRegistry.KUBECONFIG) || k.equals(CheckRegistry.CONTEXT)))) {
                missing.addAll(missing(v, variables));
            }
        });
        if (!missing.isEmpty()) {
            return Optional.of(new CheckOutcome(step.id(), spec.id(), title, spec.on(), CheckResult.skip(
                    "needs {{" + missing.get(0) + "}}, which the learner's own session keeps; give it under set: "
                            + "for '" + learner.id() + "' in the roster to grade it")));
        }
        return Optional.empty();
    }

    private static List<String> missing(Object value, Variables variables) {
        if (value instanceof String s) {
            return variables.missing(s);
        }
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.addAll(missing(v, variables)));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> out.addAll(missing(v, variables)));
        }
        return out;
    }

    private boolean isCluster(CheckSpec spec) {
        return settings.registry().find(spec.kind()).map(k -> k.scope() == CheckKind.Scope.CLUSTER).orElse(false);
    }

    /** A cluster check looks at the learner's cluster, through the roster's kubeconfig and context. */
    private CheckSpec forLearner(CheckSpec spec, Learner learner) {
        if (!isCluster(spec)) {
            return spec;
        }
        Map<String, Object> params = new LinkedHashMap<>(spec.params());
        params.put(CheckRegistry.KUBECONFIG, learner.kubeconfig().toString());
        params.remove(CheckRegistry.CONTEXT);
        if (learner.context() != null) {
            params.put(CheckRegistry.CONTEXT, learner.context());
        }
        return spec.withParams(params);
    }

    private static List<FileDigest> kubeconfigDigest(Learner learner) {
        if (learner.kubeconfig() == null) {
            return List.of();
        }
        try {
            return List.of(FileDigest.of(Nodes.LOCAL, learner.kubeconfig().toString(),
                    Files.readAllBytes(learner.kubeconfig())));
        } catch (IOException e) {
            return List.of(); // the check itself says it cannot read it
        }
    }

    private Environment open(Learner learner) {
        if (!learner.hasNodes()) {
            return new Environment(nodeFactory.open(Optional.empty(), false), null);
        }
        Inventory inventory = learner.inventory();
        if (inventory == null) {
            try {
                inventory = nodeFactory.inventoryReader().read(learner.inventoryFile());
            } catch (InvalidFileException e) {
                return new Environment(nodeFactory.open(Optional.empty(), false), e.problems().get(0).message());
            } catch (LabException e) {
                return new Environment(nodeFactory.open(Optional.empty(), false), e.getMessage());
            }
        }
        if (learner.jump() != null) {
            inventory = inventory.through(learner.jump());
        }
        return new Environment(nodeFactory.open(inventory, settings.acceptNewHostKeys()), null);
    }

    /**
     * A step's verdict and points. Without points in the lab, a step is worth one, all or nothing;
     * with {@code points:} on the step, that many, all or nothing; with points on its checks, each
     * check that passed on every node it ran on earns its own.
     */
    private StepGrade score(Step step, List<CheckOutcome> all) {
        List<CheckOutcome> mine = all.stream().filter(o -> o.step().equals(step.id())).toList();
        Verdict verdict = verdict(mine);
        boolean graded = verdict != Verdict.NOT_GRADED;
        if (!labHasPoints || step.points() > 0) {
            int worth = graded ? (labHasPoints ? step.points() : 1) : 0;
            return new StepGrade(step.id(), verdict, verdict == Verdict.PASSED ? worth : 0, worth);
        }
        int earned = 0;
        int worth = 0;
        for (CheckSpec spec : step.checks()) {
            List<CheckOutcome> its = mine.stream().filter(o -> o.isOf(spec.id())).toList();
            Verdict v = verdict(its);
            if (spec.points() > 0 && v != Verdict.NOT_GRADED) {
                worth += spec.points();
                earned += v == Verdict.PASSED ? spec.points() : 0;
            }
        }
        return new StepGrade(step.id(), verdict, earned, worth);
    }

    static Verdict verdict(List<CheckOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.result().status() == Status.FAIL)) {
            return Verdict.FAILED;
        }
        if (outcomes.stream().anyMatch(o -> o.result().status() == Status.ERROR)) {
            return Verdict.UNKNOWN;
        }
        boolean looked = outcomes.stream().anyMatch(o -> o.result().status() == Status.PASS
                || o.result().status() == Status.WARN);
        return looked ? Verdict.PASSED : Verdict.NOT_GRADED;
    }

    @Override
    public void close() {
        workers.close();
        environments.values().forEach(e -> e.nodes().close());
    }
}
