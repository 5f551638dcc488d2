package io.kubelab.labs.load;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.Action;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.model.Variable;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.yaml.Fields;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.Suggest;
import io.kubelab.labs.yaml.YNode;
import io.kubelab.labs.yaml.YamlSyntaxException;
import io.kubelab.labs.yaml.YamlTree;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a lab (format 1) and reports every problem at once, each with file:line:column and what
 * to write instead. The top of lab.yaml is read here; variables, steps (with their actions, checks
 * and quiz) by a reader each. The format is documented in content/README.md and
 * content/lab.schema.json.
 */
public final class LabLoader {
    public static final String MANIFEST = "lab.yaml";

    static final Set<String> TOP_KEYS = Set.of("format", "id", "title", "summary", "variables", "checks", "steps");

    private final CheckRegistry checks;
    private final ActionRegistry actions;

    public LabLoader(CheckRegistry checks, ActionRegistry actions) {
        this.checks = checks;
        this.actions = actions;
    }

    public LoadResult load(LabFiles files) {
        Problems problems = new Problems();
        Lab lab = read(files, problems);
        return new LoadResult(problems.hasErrors() ? Optional.empty() : Optional.ofNullable(lab), problems.sorted());
    }

    private Lab read(LabFiles files, Problems problems) {
        String manifest = files.display(MANIFEST);
        Optional<String> text = new ContentText(files, problems).read(MANIFEST, () -> problems.error(Location.of(manifest),
                "no lab.yaml here; a lab is a folder with lab.yaml and its step Markdown"));
        if (text.isEmpty()) {
            return null;
        }
        YNode root;
        try {
            root = YamlTree.read(text.get(), manifest, at -> problems.error(at, "this key appears twice in the same map; keep one"));
        } catch (YamlSyntaxException e) {
            problems.error(e.location(), "not valid YAML: " + e.getMessage());
            return null;
        }
        ContentText.warnControls(root, problems);
        if (!(root instanceof YNode.YMap map)) {
            problems.error(root.location(), "lab.yaml must be a map with format, id, title and steps");
            return null;
        }
        Fields top = new Fields(map, problems);
        top.only(TOP_KEYS, "at the top of lab.yaml");
        readFormat(top);
        String id = top.required("id", "the lab's id, e.g. id: minikube");
        if (id != null && !StepsReader.ID.matcher(id).matches()) {
            problems.error(top.at("id"), "id '" + id + "' must be lower-case letters, digits and dashes");
        }
        if (id != null && !files.folderName().isEmpty() && !id.equals(files.folderName())) {
            problems.error(top.at("id"), "id '" + id + "' differs from the folder name '" + files.folderName()
                    + "'; name the folder after the id");
        }
        Text title = TextReader.read(top, "title", true);
        Text summary = TextReader.read(top, "summary", false);
        Map<String, Variable> variables = VariablesReader.read(top.node("variables"), problems);
        VariableLinks.check(variables, top.has("variables") ? top.at("variables") : top.location(), problems);
        StepsReader stepsReader = new StepsReader(files, problems, checks, actions, patterns(variables));
        stepsReader.readSharedChecks(top);
        List<Step> steps = stepsReader.read(top);
        checkReferences(problems, variables);
        checkKeptSecrets(problems, variables, steps);
        return new Lab(id, Lab.FORMAT, title, summary, variables, steps, manifest, files.stateKey());
    }

    /** A secret's value is never kept on disk in the clear: not by an action that records what it made (the ledger). */
    private static void checkKeptSecrets(Problems problems, Map<String, Variable> variables, List<Step> steps) {
        for (Step step : steps) {
            for (Action a : step.actions()) {
                for (String name : a.kept()) {
                    Variable v = variables.get(name);
                    if (v != null && v.secret()) {
                        problems.error(a.location(), "{{" + name + "}} is secret, and this action keeps what it is "
                                + "given in lab's records on disk (the cloud ledger: names, describe, delete); leave "
                                + "it out of them (a cloud CLI's own login holds credentials)");
                    }
                }
            }
        }
    }

    private static Map<String, Optional<java.util.regex.Pattern>> patterns(Map<String, Variable> variables) {
        Map<String, Optional<java.util.regex.Pattern>> out = new java.util.LinkedHashMap<>();
        variables.forEach((name, v) -> out.put(name, Optional.ofNullable(v.pattern())));
        return out;
    }

    private static void readFormat(Fields top) {
        if (!top.map().has("format")) {
            top.problems().error(top.location(), "missing 'format'; write format: " + Lab.FORMAT + " as the first line");
            return;
        }
        if (!(top.node("format") instanceof YNode.YScalar s) || !s.text().equals(String.valueOf(Lab.FORMAT))) {
            top.problems().error(top.at("format"), "format must be " + Lab.FORMAT + " (this version of lab reads format "
                    + Lab.FORMAT + ")");
        }
    }

    /**
     * Every {{name}} written anywhere must be a declared variable or one lab provides itself; the
     * only filter is raw, and a variable used raw (as shell text) should be held to a pattern.
     */
    private static void checkReferences(Problems problems, Map<String, Variable> variables) {
        Set<String> known = new LinkedHashSet<>(variables.keySet());
        known.addAll(Template.BUILT_INS);
        for (Map.Entry<String, Location> t : problems.templated()) {
            for (String filter : Template.unknownFilters(t.getKey())) {
                problems.error(t.getValue(), "unknown filter '| " + filter + "'; the only one is {{name | raw}}");
            }
            Set<String> warnedRaw = new LinkedHashSet<>();
            for (Template.Reference r : Template.find(t.getKey())) {
                String name = r.name();
                Variable v = variables.get(name);
                if (v == null && !Template.isBuiltIn(name)) {
                    problems.error(t.getValue(), "undefined variable {{" + name + "}}; declare it under variables: or "
                            + Suggest.fix(name, known));
                } else if (r.raw() && (v == null || (v.pattern() == null && v.choices().isEmpty()))
                        && warnedRaw.add(name)) {
                    problems.warning(t.getValue(), "{{" + name + " | raw}} puts its value in as shell code, and nothing "
                            + "limits it; give the variable a pattern: (or choices:), or write {{" + name + "}}");
                }
            }
        }
    }
}
