package io.kubelab.labs.run;

import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Status;
import io.kubelab.checks.host.Cancellation;
import io.kubelab.labs.LabException;
import io.kubelab.labs.actions.CreateAction;
import io.kubelab.labs.cloud.CloudResource;
import io.kubelab.labs.cloud.Ledger;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.model.Variable;
import io.kubelab.labs.state.AtomicFiles;
import io.kubelab.labs.state.Progress;
import io.kubelab.labs.state.ProgressStore;
import io.kubelab.labs.state.StepProgress;
import io.kubelab.labs.state.StepState;
import io.kubelab.labs.state.Transcript;
import io.kubelab.labs.nodes.NodeFactory;
import io.kubelab.labs.nodes.Nodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Set;

/**
 * A learner working through one lab: where they are, what they have done, and the runner that
 * does the next thing. Every change of progress is saved at once, atomically, so a crash or a
 * killed process loses nothing and the next start resumes at the right step.
 */
public final class LabSession implements AutoCloseable {
    private final Lab lab;
    private final SessionConfig config;
    private final ProgressStore store;
    private final Variables variables;
    private final Nodes nodes;
    private final CheckRunner checkRunner;
    private final StepRunner stepRunner;
    private Progress progress;
    /** The variables stored when the session opened: only what this session set (--set, captures) is written. */
    private Map<String, String> variablesAtOpen;

    /** A session on {@code nodes}, which it closes when it is closed. */
    public LabSession(Lab lab, SessionConfig config, Nodes nodes) {
        this.lab = lab;
        this.config = config;
        this.nodes = nodes;
        this.store = new ProgressStore(config.stateDir());
        Variables.checkNames(lab, config.given().keySet());
        Optional<Progress> stored = store.load(lab.stateKey());
        this.progress = validCurrent(stored.orElseGet(this::fresh));
        this.variables = Variables.on(lab, config.workFolder(lab.stateKey()), nodes, progress.variables(),
                config.given());
        this.variablesAtOpen = progress.variables();
        this.checkRunner = new CheckRunner(config.registry(), nodes, config.env(), config.checkTimeout());
        this.stepRunner = new StepRunner(nodes, checkRunner, new Transcript(config.stateDir(), lab.stateKey(),
                problem -> config.listener().warning(problem)), config.listener(), config.language(),
                new Ledger(config.stateDir()));
        // Opening writes nothing (status and show work on a read-only state folder), except an
        // inventory given now, which the lab remembers.
        Optional<Path> inventory = nodes.inventoryFile();
        if (inventory.isPresent()
                && !inventory.get().toString().equals(progress.settings().get(NodeFactory.INVENTORY_SETTING))) {
            change(p -> p.withSetting(NodeFactory.INVENTORY_SETTING, inventory.get().toString()));
        }
    }

    private Progress fresh() {
        return Progress.start(lab.id(), lab.steps().get(0).id());
    }

    /** Progress whose current step the lab no longer has (the lab changed) starts again at the first step. */
    private Progress validCurrent(Progress p) {
        return lab.step(p.current()).isPresent() ? p : p.withCurrent(lab.steps().get(0).id());
    }

    /** Marks the lab as started (lab start), so that `lab list` shows it; nothing else changes. */
    public void begin() {
        if (store.load(lab.stateKey()).isEmpty()) {
            change(p -> p);
        }
    }

    public Lab lab() {
        return lab;
    }

    public Progress progress() {
        return progress;
    }

    /**
     * Sets a variable for this session, as `set name=value` or a REPL line's --set does; a value
     * that is not secret is remembered for the lab's later sessions.
     *
     * @return whether it is remembered
     */
    public boolean set(String name, String value) {
        Variables.checkNames(lab, java.util.Set.of(name));
        variables.set(name, value);
        change(p -> p);
        return variables.persistable().containsKey(name);
    }

    /** A text of the lab as the learner sees it: {{variables}} filled in, secrets masked, the rest as written. */
    public String shown(String text) {
        return variables.redactor().redact(variables.render(text));
    }

    public Variables variables() {
        return variables;
    }

    public Nodes nodes() {
        return nodes;
    }

    public String language() {
        return config.language();
    }

    // ---- moving around ----

    public Step current() {
        return lab.step(progress.current()).orElse(lab.steps().get(0));
    }

    public int currentIndex() {
        return lab.indexOf(current().id());
    }

    public Step step(String id) {
        return lab.requireStep(id);
    }

    /** The named step, or the current one when {@code id} is null. */
    public Step stepOrCurrent(String id) {
        return id == null ? current() : step(id);
    }

    public Step goTo(String id) {
        Step s = step(id);
        change(p -> p.withCurrent(s.id()));
        return s;
    }

    public Optional<Step> next() {
        int i = currentIndex();
        if (i + 1 >= lab.steps().size()) {
            return Optional.empty();
        }
        return Optional.of(goTo(lab.steps().get(i + 1).id()));
    }

    public Optional<Step> back() {
        int i = currentIndex();
        if (i == 0) {
            return Optional.empty();
        }
        return Optional.of(goTo(lab.steps().get(i - 1).id()));
    }

    // ---- running ----

    /** Runs one step (its actions, then its checks). */
    public StepOutcome run(Step step, RunOptions options) {
        requireInventoryFor(List.of(step));
        resolveVariables(step);
        confirmIfAsked(step, options);
        prepareWorkFolder();
        if (!step.id().equals(progress.current())) {
            change(p -> p.withCurrent(step.id())); // the learner is on the step being run, also after a crash
        }
        StepOutcome outcome = stepRunner.run(step, variables, options,
                state -> changeStep(step, sp -> sp.withState(state)));
        change(p -> p); // the variables the step captured
        return outcome;
    }

    /** The steps `run` without a step name does from the OS shell: every pending one that is not optional. */
    public List<Step> remaining() {
        return lab.steps().stream().filter(s -> !s.optional() && !s.isQuestion()
                && progress.step(s.id()).state() != StepState.DONE).toList();
    }

    /** Prints what running the steps would do, per host, and changes nothing. */
    public void plan(List<Step> steps) {
        for (Step s : steps) {
            for (String name : referencedVariables(s)) {
                variables.generate(name);
            }
            bill(s).forEach(config.listener()::warning); // the preview of a create is its command and its price
            stepRunner.plan(s, variables);
        }
    }

    /** Runs the checks of the given steps (all applicable steps when empty) and records what they show. */
    public CheckReport check(List<Step> steps) {
        return check(steps, new Cancellation());
    }

    /** Runs the checks; Ctrl-C ({@code cancel}) ends the commands they run and skips the rest. */
    public CheckReport check(List<Step> steps, Cancellation cancel) {
        List<Step> chosen = steps.isEmpty() ? lab.steps().stream().filter(this::checkedByDefault).toList() : steps;
        requireInventoryFor(chosen);
        List<CheckRunner.StepCheck> specs = new ArrayList<>();
        chosen.forEach(s -> s.checks().forEach(c -> specs.add(new CheckRunner.StepCheck(s, c))));
        List<CheckOutcome> results = new ArrayList<>(checkRunner.run(specs, variables, config.language(), cancel));
        for (Step s : chosen) {
            if (s.isQuestion()) {
                results.add(quizOutcome(s));
            }
        }
        if (!cancel.isCancelled()) { // a cancelled check looked at nothing: nothing to record
            recordChecks(chosen, results);
        }
        return new CheckReport(lab.id(), results);
    }

    /** An optional step (a teardown) is only checked once the learner has run it. */
    private boolean checkedByDefault(Step s) {
        return !s.optional() || progress.step(s.id()).state() != StepState.PENDING;
    }

    private void recordChecks(List<Step> steps, List<CheckOutcome> results) {
        change(now -> {
            Progress p = now;
            for (Step s : steps) {
                if (s.checks().isEmpty()) {
                    continue;
                }
                List<CheckOutcome> mine = results.stream()
                        .filter(r -> r.step().equals(s.id()) && !r.check().equals("quiz")).toList();
                boolean failed = mine.stream().anyMatch(r -> r.result().status() == Status.FAIL);
                boolean allGood = mine.stream().noneMatch(r -> r.result().status().isProblem());
                StepProgress sp = p.step(s.id());
                // A teardown is done when its actions did it: "the context is gone" also passes when
                // there never was one, so passing checks do not make up for a failed teardown.
                boolean actionsFailed = s.optional() && !s.actions().isEmpty() && sp.state() == StepState.FAILED;
                if (allGood && sp.state() != StepState.DONE && !actionsFailed) {
                    p = p.withStep(s.id(), sp.withState(StepState.DONE));
                } else if (failed && sp.state() == StepState.DONE) {
                    p = p.withStep(s.id(), sp.withState(StepState.FAILED));
                }
            }
            return p;
        });
    }

    private CheckOutcome quizOutcome(Step s) {
        StepProgress sp = progress.step(s.id());
        String lang = config.language();
        String title = s.title().in(lang);
        CheckResult r;
        if (sp.correct() == null) {
            r = new CheckResult(Status.SKIP, "a right answer", "not answered yet", "quiz",
                    "read the step and answer it: lab answer " + lab.id() + " <choice>");
        } else if (sp.correct()) {
            r = CheckResult.pass("a right answer", "answered " + sp.answer(), "quiz");
        } else {
            r = CheckResult.fail("a right answer", "answered " + sp.answer() + ", which is not right", "quiz",
                    "read the step again (and `hint`), then answer again");
        }
        return new CheckOutcome(s.id(), "quiz", title, "learner", r);
    }

    // ---- help and questions ----

    /** The hints revealed so far after revealing one more (graduated: the first is the gentlest). */
    public record HintReveal(int shown, int total, List<Text> revealed) {
    }

    public HintReveal hint(Step step) {
        int total = step.hints().size();
        changeStep(step, sp -> sp.withHints(Math.min(total, sp.hintsShown() + 1)));
        int shown = Math.min(total, progress.step(step.id()).hintsShown());
        return new HintReveal(shown, total, step.hints().subList(0, shown));
    }

    public QuizGrader.Grade answer(Step step, String answer) {
        if (!step.isQuestion()) {
            Optional<Step> q = lab.steps().stream().filter(Step::isQuestion).findFirst();
            throw LabException.badInput("step '" + step.id() + "' has no question"
                    + q.map(s -> "; the question is in step '" + s.id() + "' (goto " + s.id() + ")").orElse(""));
        }
        QuizGrader.Grade grade = QuizGrader.grade(step.quiz(), answer);
        changeStep(step, sp -> sp.withAnswer(grade.normalized(), grade.correct()));
        return grade;
    }

    // ---- reset ----

    public void reset(Step step) {
        change(p -> p.withoutStep(step.id()));
    }

    public void resetAll() {
        store.delete(lab.stateKey());
        progress = fresh();
        lab.variables().keySet().forEach(variables::forget);
        lab.variables().values().stream().filter(v -> v.defaultValue() != null)
                .forEach(v -> variables.set(v.name(), v.defaultValue(), Variables.Origin.DEFAULT));
        config.given().forEach(variables::set);
        variablesAtOpen = Map.of();
        change(p -> p);
    }

    /** Non-optional steps not yet done (questions count until answered right). */
    public List<Step> pending() {
        return lab.steps().stream().filter(s -> !s.optional() && progress.step(s.id()).state() != StepState.DONE)
                .toList();
    }

    /** Whether any of the steps runs something on the learner's nodes (not only on this machine). */
    public boolean usesNodes(List<Step> steps) {
        // An action under a condition (if: "nowhere >= 3") runs only when the inventory has the group: it needs none.
        return steps.stream().anyMatch(s -> s.actions().stream().anyMatch(a -> !Nodes.LOCAL.equals(a.on())
                || !a.groups().isEmpty()
                || a.condition().filter(c -> !c.onVariable()).isEmpty() && a.references().stream().anyMatch(LabSession::namesAGroup))
                || s.checks().stream().anyMatch(c -> !Nodes.LOCAL.equals(c.on())));
    }

    /** {{hosts.GROUP}}, {{addresses.GROUP}} and {{lab.inventory}}: values only an inventory has. */
    private static boolean namesAGroup(String reference) {
        return reference.startsWith("hosts.") || reference.startsWith("addresses.") || reference.equals("lab.inventory");
    }

    /**
     * One clear line, before anything runs, when the steps need the learner's nodes and no
     * inventory names them — rather than the same error once per action and check.
     */
    public void requireInventoryFor(List<Step> steps) {
        if (nodes.inventoryFile().isEmpty() && usesNodes(steps)) {
            throw LabException.badInput(missingInventory());
        }
    }

    public String missingInventory() {
        return "lab '" + lab.id() + "' works on your nodes: give them with --inventory FILE (an Ansible inventory "
                + "with the groups kube_control_plane and kube_node), or make practice machines with `lab machines up`";
    }

    /** Steps before {@code step} that are not done (optional ones left out), so moving past them can warn. */
    public List<Step> unfinishedBefore(Step step) {
        return lab.steps().subList(0, Math.max(0, lab.indexOf(step.id()))).stream()
                .filter(s -> !s.optional() && progress.step(s.id()).state() != StepState.DONE).toList();
    }

    /** The step a killed run left in RUNNING, if any: the learner is told to run it again. */
    public Optional<Step> interrupted() {
        return lab.steps().stream().filter(s -> progress.step(s.id()).state() == StepState.RUNNING).findFirst();
    }

    /** Remembers a choice for this lab across sessions (e.g. the inventory file). */
    public void remember(String setting, String value) {
        if (!java.util.Objects.equals(progress.settings().get(setting), value)) {
            change(p -> p.withSetting(setting, value));
        }
    }

    public Path workFolder() {
        return config.workFolder(lab.stateKey());
    }

    @Override
    public void close() {
        stepRunner.close();
        nodes.close();
    }

    // ---- internals ----

    /**
     * Asks before a step that destroys something or spends the learner's money; a step that
     * creates cloud resources first says what they are and roughly what they cost per hour.
     */
    private void confirmIfAsked(Step step, RunOptions options) {
        List<String> bill = bill(step);
        if (step.confirm().isEmpty() && bill.isEmpty()) {
            return;
        }
        String question = step.confirm().in(config.language()).strip();
        if (options.yes()) {
            bill.forEach(config.listener()::warning); // --yes runs it, but the bill stays in view
            return;
        }
        Optional<Boolean> ok = config.prompter().confirm(bill.isEmpty() ? question
                : String.join("\n", bill) + "\n" + question);
        if (ok.isEmpty()) {
            throw LabException.badInput(bill.isEmpty()
                    ? "step '" + step.id() + "' asks first (" + question + "); pass --yes to run it without asking"
                    : "step '" + step.id() + "' creates billable cloud resources (" + String.join("; ", bill.subList(1,
                    bill.size() - 1).stream().map(String::strip).toList()) + "); pass --yes to run it without asking");
        }
        if (!ok.get()) {
            throw LabException.badInput("step '" + step.id() + "' not run: you said no");
        }
    }

    /** What the step's create actions will put in the learner's cloud account, with prices; empty when nothing. */
    public List<String> bill(Step step) {
        List<CloudResource> made = step.actions().stream()
                .filter(a -> a instanceof CreateAction && a.condition().map(c -> c.holds(variables::get, nodes::count))
                        .orElse(true))
                .map(a -> ((CreateAction) a).resource(variables.renderer(), lab.id(), java.time.Instant.now()))
                .toList();
        if (made.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("This step creates billable resources in your cloud account (prices are estimates):");
        made.forEach(r -> lines.add("  " + r.what() + " (" + r.place() + "): about " + r.rate() + ", price checked "
                + r.priced()));
        lines.add("They stay on the cloud ledger until the teardown step has deleted them (lab resources lists them).");
        return lines.stream().map(variables.redactor()::redact).toList();
    }

    /** Gives every variable the step uses a value: generated, asked for, or an error saying how to set it. */
    private void resolveVariables(Step step) {
        for (String name : referencedVariables(step)) {
            if (variables.has(name) || variables.generate(name)) {
                continue;
            }
            Variable spec = lab.variables().get(name);
            List<Step> capturers = capturingSteps(name);
            if (capturers.stream().anyMatch(s -> s.id().equals(step.id()))) {
                continue; // this step sets it itself
            }
            if (!capturers.isEmpty()) {
                throw LabException.badInput("{{" + name + "}} is captured by step '" + capturers.get(0).id()
                        + "', which has not run in this session; run it first (lab run " + capturers.get(0).id() + ")");
            }
            if (spec != null && spec.asked()) {
                Optional<String> answer = config.prompter().ask(spec.prompt().in(config.language()), spec.secret());
                if (answer.isPresent() && !answer.get().isBlank()) {
                    variables.set(name, answer.get().strip(), Variables.Origin.ANSWERED);
                    continue;
                }
            }
            throw LabException.badInput("variable '" + name + "' has no value; pass --set " + name + "=VALUE");
        }
        refusals(step).stream().findFirst().ifPresent(refused -> {
            throw LabException.badInput(refused);
        });
    }

    /** Why values the step would use may not be used (a release past its end of life, say); empty when all may. */
    public List<String> refusals(Step step) {
        return referencedVariables(step).stream().map(variables::refusal).flatMap(Optional::stream).toList();
    }

    private Set<String> referencedVariables(Step step) {
        Set<String> names = new LinkedHashSet<>();
        step.actions().forEach(a -> names.addAll(a.references()));
        for (CheckSpec c : step.checks()) {
            c.params().values().forEach(v -> names.addAll(Template.references(String.valueOf(v))));
            if (c.when() != null && c.when().onVariable()) {
                names.add(c.when().subject());
            }
        }
        names.removeIf(Template::isBuiltIn);
        return withParts(names);
    }

    /** The names, with each computed variable replaced by the variables it is made of. */
    private Set<String> withParts(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            Variable spec = lab.variables().get(name);
            if (spec != null && spec.isComputed()) {
                Set<String> parts = new LinkedHashSet<>(Template.references(spec.computed()));
                parts.removeIf(Template::isBuiltIn);
                out.addAll(withParts(parts));
            } else {
                out.add(name);
            }
        }
        return out;
    }

    /** The first step whose actions capture {@code variable}, if any. */
    public Optional<Step> capturedIn(String variable) {
        return capturingSteps(variable).stream().findFirst();
    }

    private List<Step> capturingSteps(String variable) {
        return lab.steps().stream().filter(s -> s.actions().stream().anyMatch(a -> a.sets().contains(variable)))
                .toList();
    }

    private void prepareWorkFolder() {
        try {
            AtomicFiles.ensurePrivateDirectory(workFolder());
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot create " + workFolder() + ": " + e.getMessage(), e);
        }
    }

    private void changeStep(Step step, UnaryOperator<StepProgress> change) {
        change(p -> p.withStep(step.id(), change.apply(p.step(step.id()))));
    }

    /**
     * Applies a change to the lab's progress as it is on disk — where another lab process may have
     * recorded a step meanwhile — with the variables this session set, and keeps the result.
     */
    private synchronized void change(UnaryOperator<Progress> change) {
        Map<String, String> mine = new java.util.LinkedHashMap<>();
        variables.persistable().forEach((k, v) -> {
            if (!v.equals(variablesAtOpen.get(k))) {
                mine.put(k, v);
            }
        });
        progress = store.update(lab.stateKey(), this::fresh, p -> {
            Map<String, String> vars = new java.util.LinkedHashMap<>(p.variables());
            vars.putAll(mine);
            return validCurrent(change.apply(p)).withVariables(vars);
        });
    }
}
