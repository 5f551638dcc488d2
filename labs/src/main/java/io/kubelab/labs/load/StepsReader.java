package io.kubelab.labs.load;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.Action;
import io.kubelab.labs.actions.ActionFields;
import io.kubelab.labs.actions.ActionKind;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.actions.CreateAction;
import io.kubelab.labs.actions.DestroyAction;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Quiz;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.YNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A lab's {@code steps:}: each step's text, actions (through the action registry), checks, hints and quiz. */
final class StepsReader {
    static final Set<String> KEYS = Set.of("id", "title", "text", "actions", "checks", "hints", "solution", "quiz",
            "optional", "confirm", "points");
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final LabFiles files;
    private final Problems problems;
    private final ActionRegistry actions;
    private final ChecksReader checks;
    private final Map<String, Optional<Pattern>> variables;
    private final Map<String, CheckSpec> sharedChecks;

    StepsReader(LabFiles files, Problems problems, CheckRegistry checkRegistry, ActionRegistry actions,
                Map<String, Optional<Pattern>> variables) {
        this.files = files;
        this.problems = problems;
        this.actions = actions;
        this.checks = new ChecksReader(checkRegistry, problems);
        this.variables = variables;
        this.sharedChecks = new LinkedHashMap<>();
    }

    /** Reads the lab's own checks:, which steps then use by id. */
    void readSharedChecks(Fields top) {
        sharedChecks.putAll(checks.readShared(top.node("checks")));
    }

    List<Step> read(Fields top) {
        List<Step> out = new ArrayList<>();
        if (!top.map().has("steps")) {
            problems.error(top.location(), "missing 'steps'; a lab needs at least one step");
            return out;
        }
        YNode node = top.node("steps");
        if (!(node instanceof YNode.YList list) || list.items().isEmpty()) {
            problems.error(node.location(), "steps must be a list with at least one step (- id: ...)");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (YNode item : list.items()) {
            if (!(item instanceof YNode.YMap m)) {
                problems.error(item.location(), "a step must be a map (id, title, text, actions, checks, ...)");
                continue;
            }
            Fields f = new Fields(m, problems);
            Step step = step(f);
            if (step == null) {
                continue;
            }
            if (!ids.add(step.id())) {
                problems.error(f.at("id"), "duplicate step id '" + step.id() + "'; step ids must be unique");
            }
            out.add(step);
        }
        cloudResourcesDeleted(out);
        sharedChecks.values().stream().filter(c -> !checks.used().contains(c.id())).forEach(c -> problems.warning(
                c.location(), "no step uses check '" + c.id() + "'; add - use: " + c.id() + " to a step, or remove it"));
        return out;
    }

    /** Nothing a lab creates in a cloud account is left without a step that deletes it. */
    private void cloudResourcesDeleted(List<Step> steps) {
        Set<String> destroyed = new HashSet<>();
        steps.forEach(s -> s.actions().stream().filter(a -> a instanceof DestroyAction)
                .forEach(a -> destroyed.add(((DestroyAction) a).kind())));
        for (Step s : steps) {
            for (Action a : s.actions()) {
                if (a instanceof CreateAction c && !destroyed.contains(c.kind())) {
                    problems.error(c.location(), "nothing deletes the " + c.kind() + " this creates; add - destroy: "
                            + c.kind() + " to the lab's teardown step");
                }
            }
        }
    }

    private Step step(Fields f) {
        f.only(KEYS, "in a step");
        String id = f.required("id", "a step id, e.g. id: start-cluster");
        if (id == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            problems.error(f.at("id"), "step id '" + id + "' must be lower-case letters, digits and dashes");
        }
        Text title = TextReader.read(f, "title", true);
        Text body = body(f, id);
        List<CheckSpec> stepChecks = checks.read(f.node("checks"), sharedChecks);
        Set<String> checkIds = new LinkedHashSet<>();
        for (CheckSpec c : stepChecks) {
            if (!checkIds.add(c.id())) {
                problems.error(c.location(), "duplicate check id '" + c.id() + "' in step '" + id + "'");
            }
        }
        List<Action> stepActions = actions(f.node("actions"), checkIds);
        if (stepActions.stream().anyMatch(a -> a instanceof CreateAction) && !f.has("confirm")) {
            problems.error(f.at("actions"), "step '" + id + "' creates billable cloud resources: say what they are and "
                    + "what they cost, and ask, with confirm: {en: ..., zh-CN: ...}");
        }
        List<Text> hints = new ArrayList<>();
        if (f.has("hints")) {
            if (f.node("hints") instanceof YNode.YList hl) {
                hl.items().forEach(i -> hints.add(TextReader.node(i, "a hint", problems)));
            } else {
                problems.error(f.at("hints"), "hints must be a list, from the gentlest to the most direct");
            }
        }
        Quiz quiz = f.map().has("quiz") ? QuizReader.read(f.node("quiz"), problems) : null;
        int points = ChecksReader.points(f);
        if (points > 0 && stepChecks.stream().anyMatch(c -> c.points() > 0)) {
            problems.error(f.at("points"), "step '" + id + "' gives points to the step and to its checks; give them "
                    + "to one: the step (all or nothing) or its checks (each check that passes)");
        }
        return new Step(id, title, body, stepActions, stepChecks, hints, TextReader.read(f, "solution", false), quiz,
                f.bool("optional"), TextReader.read(f, "confirm", false), points, f.location());
    }

    /** The step's Markdown: text: steps/x.md, translated in steps/x.zh-CN.md beside it. */
    private Text body(Fields f, String stepId) {
        String path = f.text("text");
        if (path == null) {
            return Text.EMPTY;
        }
        if (!path.endsWith(".md")) {
            problems.error(f.at("text"), "text names the step's Markdown file, e.g. text: steps/" + stepId + ".md");
            return Text.EMPTY;
        }
        Map<String, String> byLanguage = new LinkedHashMap<>();
        ContentText content = new ContentText(files, problems);
        content.read(path, () -> problems.error(f.at("text"), "missing file " + files.display(path)
                + "; create it or fix the path")).ifPresent(en -> byLanguage.put(Text.ENGLISH, en));
        String translated = path.substring(0, path.length() - 3) + "." + Text.CHINESE + ".md";
        content.read(translated, () -> problems.warning(f.at("text"), "no Simplified Chinese translation "
                + files.display(translated) + "; learners with --lang zh-CN see English"))
                .ifPresent(zh -> byLanguage.put(Text.CHINESE, zh));
        // Shown with {{variables}} filled in, so each must be one the lab has (reported at text:).
        byLanguage.values().forEach(t -> problems.templated(t, f.at("text")));
        return new Text(byLanguage);
    }

    /** Each action through the registry: the first key that names a kind says which kind reads it. */
    private List<Action> actions(YNode node, Set<String> checkIds) {
        List<Action> out = new ArrayList<>();
        if (Fields.isNull(node)) {
            return out;
        }
        if (!(node instanceof YNode.YList list)) {
            problems.error(node.location(), "actions must be a list (- run: ...)");
            return out;
        }
        for (YNode item : list.items()) {
            if (!(item instanceof YNode.YMap a)) {
                problems.error(item.location(), "an action must be a map, e.g. - run: minikube start");
                continue;
            }
            Optional<ActionKind> kind = a.entries().keySet().stream().map(actions::find).flatMap(Optional::stream)
                    .findFirst();
            if (kind.isEmpty()) {
                String first = a.entries().keySet().stream().findFirst().orElse("");
                String close = Suggest.closest(first, actions.words()).map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.error(a.location(), "unknown action kind" + (first.isEmpty() ? "" : " '" + first + "'")
                        + "; this version of lab knows: " + String.join(", ", actions.words()) + close
                        + " (`lab actions` lists them)");
                continue;
            }
            out.add(kind.get().reader().apply(new ActionFields(new Fields(a, problems), checkIds, variables)));
        }
        return out;
    }
}
