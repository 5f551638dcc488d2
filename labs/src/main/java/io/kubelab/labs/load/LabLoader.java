package io.kubelab.labs.load;

import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.CheckKind;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.ParamSpec;
import io.kubelab.checks.Params;
import io.kubelab.labs.model.Action;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Condition;
import io.kubelab.labs.model.CopyAction;
import io.kubelab.labs.model.FetchAction;
import io.kubelab.labs.model.Generator;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Quiz;
import io.kubelab.labs.model.RunAction;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.model.Template;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.model.Variable;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.YNode;
import io.kubelab.labs.yaml.YNode.YList;
import io.kubelab.labs.yaml.YNode.YMap;
import io.kubelab.labs.yaml.YNode.YScalar;
import io.kubelab.labs.yaml.YamlSyntaxException;
import io.kubelab.labs.yaml.YamlTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a lab (format 1) and reports every problem at once, each with file:line:column and what
 * to write instead. The format is documented in content/README.md and content/lab.schema.json.
 */
public final class LabLoader {
    public static final String MANIFEST = "lab.yaml";

    static final Set<String> TOP_KEYS = Set.of("format", "id", "title", "summary", "variables", "steps");
    static final Set<String> VARIABLE_KEYS = Set.of("default", "description", "prompt", "secret", "pattern", "choices",
            "generate");
    static final Set<String> STEP_KEYS = Set.of("id", "title", "text", "actions", "checks", "hints", "solution", "quiz",
            "optional", "confirm");
    static final Set<String> ACTION_KINDS = new java.util.LinkedHashSet<>(List.of("run", "copy", "fetch"));
    static final Set<String> RUN_KEYS = Set.of("run", "on", "timeout", "creates", "unless", "capture", "sudo",
            "unless_set", "if");
    static final Set<String> COPY_KEYS = Set.of("copy", "on");
    static final Set<String> COPY_FIELDS = Set.of("src", "content", "dest", "mode", "owner");
    static final Set<String> FETCH_KEYS = Set.of("fetch", "on");
    static final Set<String> FETCH_FIELDS = Set.of("src", "dest", "mode");
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
    static final Set<String> CHECK_KEYS = Set.of("id", "kind", "on", "with", "title", "hint");
    static final Set<String> QUIZ_KEYS = Set.of("type", "question", "choices", "answer", "keywords", "min_keywords",
            "explanation");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final CheckRegistry registry;

    public LabLoader(CheckRegistry registry) {
        this.registry = registry;
    }

    public LoadResult load(LabFiles files) {
        return new Reading(files).read();
    }

    /** One read of one lab; holds the problems found so far. */
    private final class Reading {
        private final LabFiles files;
        private final String manifest;
        private final List<Problem> problems = new ArrayList<>();
        /** Where each run action's unless_set: was written, to name undeclared variables in it. */
        private final Map<Location, YNode> unlessSetLocations = new LinkedHashMap<>();
        /** Every {{reference}} seen, checked once all variables are known. */
        private final List<Map.Entry<String, Location>> templated = new ArrayList<>();

        Reading(LabFiles files) {
            this.files = files;
            this.manifest = files.display(MANIFEST);
        }

        LoadResult read() {
            Optional<String> text = files.read(MANIFEST);
            if (text.isEmpty()) {
                error(Location.of(manifest), "no lab.yaml here; a lab is a folder with lab.yaml and its step Markdown");
                return done(null);
            }
            YNode root;
            try {
                root = YamlTree.read(text.get(), manifest,
                        at -> error(at, "this key appears twice in the same map; keep one"));
            } catch (YamlSyntaxException e) {
                error(e.location(), "not valid YAML: " + e.getMessage());
                return done(null);
            }
            if (!(root instanceof YMap top)) {
                error(root.location(), "lab.yaml must be a map with format, id, title and steps");
                return done(null);
            }
            unknownKeys(top, TOP_KEYS, "at the top of lab.yaml");
            int format = readFormat(top);
            String id = requiredString(top, "id", "the lab's id, e.g. id: minikube");
            if (id != null && !ID.matcher(id).matches()) {
                error(top.get("id").location(), "id '" + id + "' must be lower-case letters, digits and dashes");
            }
            if (id != null && !files.folderName().isEmpty() && !id.equals(files.folderName())) {
                error(top.get("id").location(), "id '" + id + "' differs from the folder name '" + files.folderName()
                        + "'; name the folder after the id");
            }
            Text title = text(top, "title", true);
            Text summary = text(top, "summary", false);
            Map<String, Variable> variables = variables(top.get("variables"));
            List<Step> steps = steps(top);
            checkReferences(variables);
            checkCaptures(steps, variables);
            if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
                return done(null);
            }
            return done(new Lab(id, format, title, summary, variables, steps, manifest));
        }

        private LoadResult done(Lab lab) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparing((Problem p) -> p.location().file())
                    .thenComparingInt(p -> p.location().line()).thenComparingInt(p -> p.location().column()));
            return new LoadResult(Optional.ofNullable(lab), sorted);
        }

        // ---- top level ----

        private int readFormat(YMap top) {
            YNode f = top.get("format");
            if (f == null) {
                error(top.location(), "missing 'format'; write format: " + Lab.FORMAT + " as the first line");
                return Lab.FORMAT;
            }
            if (!(f instanceof YScalar s) || !s.text().equals(String.valueOf(Lab.FORMAT))) {
                error(f.location(), "format must be " + Lab.FORMAT + " (this version of lab reads format " + Lab.FORMAT + ")");
            }
            return Lab.FORMAT;
        }

        private Map<String, Variable> variables(YNode node) {
            Map<String, Variable> out = new LinkedHashMap<>();
            if (node == null || isNull(node)) {
                return out;
            }
            if (!(node instanceof YMap vars)) {
                error(node.location(), "variables must be a map of name: {default: ..., secret: ...}");
                return out;
            }
            for (YNode.Entry e : vars.entries().values()) {
                String name = e.key();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    error(e.keyLocation(), "variable name '" + name + "' must be letters, digits and _ (used as {{"
                            + name + "}})");
                }
                YMap def = e.value() instanceof YMap m ? m : null;
                if (def == null && !isNull(e.value())) {
                    // name: value is a short form for a default.
                    String value = scalar(e.value(), "the default value of " + name);
                    out.put(name, new Variable(name, value, Text.EMPTY, Text.EMPTY, false, null, List.of(), null));
                    continue;
                }
                if (def == null) {
                    out.put(name, new Variable(name, null, Text.EMPTY, Text.EMPTY, false, null, List.of(), null));
                    continue;
                }
                unknownKeys(def, VARIABLE_KEYS, "in variable '" + name + "'");
                String dflt = def.has("default") ? scalar(def.get("default"), "default") : null;
                Pattern pattern = pattern(def.get("pattern"));
                List<String> choices = stringList(def.get("choices"), "choices");
                Generator generator = null;
                if (def.has("generate")) {
                    String g = scalar(def.get("generate"), "generate");
                    generator = Generator.byWord(g).orElse(null);
                    if (generator == null) {
                        error(def.get("generate").location(), "unknown generator '" + g + "'; "
                                + Suggest.fix(g, java.util.Arrays.stream(Generator.values()).map(Generator::word).toList()));
                    }
                }
                if (dflt != null && pattern != null && !pattern.matcher(dflt).matches()) {
                    error(def.get("default").location(), "default '" + dflt + "' does not match pattern " + pattern.pattern());
                }
                if (dflt != null && !choices.isEmpty() && !choices.contains(dflt)) {
                    error(def.get("default").location(), "default '" + dflt + "' is not one of the choices " + choices);
                }
                boolean secret = bool(def, "secret");
                if (secret && dflt != null) {
                    error(def.get("default").location(), "a secret variable cannot have a default written in the lab; "
                            + "use generate: or prompt: instead");
                }
                out.put(name, new Variable(name, dflt, text(def, "description", false), text(def, "prompt", false),
                        secret, pattern, choices, generator));
            }
            return out;
        }

        // ---- steps ----

        private List<Step> steps(YMap top) {
            List<Step> out = new ArrayList<>();
            YNode node = top.get("steps");
            if (node == null) {
                error(top.location(), "missing 'steps'; a lab needs at least one step");
                return out;
            }
            if (!(node instanceof YList list) || list.items().isEmpty()) {
                error(node.location(), "steps must be a list with at least one step (- id: ...)");
                return out;
            }
            Set<String> ids = new HashSet<>();
            for (YNode item : list.items()) {
                if (!(item instanceof YMap m)) {
                    error(item.location(), "a step must be a map (id, title, text, actions, checks, ...)");
                    continue;
                }
                Step step = step(m);
                if (step == null) {
                    continue;
                }
                if (!ids.add(step.id())) {
                    error(m.get("id").location(), "duplicate step id '" + step.id() + "'; step ids must be unique");
                }
                out.add(step);
            }
            return out;
        }

        private Step step(YMap m) {
            unknownKeys(m, STEP_KEYS, "in a step");
            String id = requiredString(m, "id", "a step id, e.g. id: start-cluster");
            if (id == null) {
                return null;
            }
            if (!ID.matcher(id).matches()) {
                error(m.get("id").location(), "step id '" + id + "' must be lower-case letters, digits and dashes");
            }
            Text title = text(m, "title", true);
            Text body = stepBody(m, id);
            List<CheckSpec> checks = checks(m.get("checks"));
            Set<String> checkIds = new HashSet<>();
            for (CheckSpec c : checks) {
                if (!checkIds.add(c.id())) {
                    error(c.location(), "duplicate check id '" + c.id() + "' in step '" + id + "'");
                }
            }
            List<Action> actions = actions(m.get("actions"), checkIds);
            List<Text> hints = new ArrayList<>();
            YNode h = m.get("hints");
            if (h != null && !isNull(h)) {
                if (h instanceof YList hl) {
                    hl.items().forEach(i -> hints.add(textNode(i, "a hint")));
                } else {
                    error(h.location(), "hints must be a list, from the gentlest to the most direct");
                }
            }
            Quiz quiz = m.has("quiz") ? quiz(m.get("quiz")) : null;
            return new Step(id, title, body, actions, checks, hints, text(m, "solution", false), quiz,
                    bool(m, "optional"), text(m, "confirm", false), m.location());
        }

        /** The step's Markdown: text: steps/x.md, translated in steps/x.zh-CN.md beside it. */
        private Text stepBody(YMap m, String stepId) {
            YNode node = m.get("text");
            if (node == null) {
                return Text.EMPTY;
            }
            String path = scalar(node, "text");
            if (path == null) {
                return Text.EMPTY;
            }
            if (!path.endsWith(".md")) {
                error(node.location(), "text names the step's Markdown file, e.g. text: steps/" + stepId + ".md");
                return Text.EMPTY;
            }
            Map<String, String> byLanguage = new LinkedHashMap<>();
            Optional<String> en = files.read(path);
            if (en.isEmpty()) {
                error(node.location(), "missing file " + files.display(path) + "; create it or fix the path");
            } else {
                byLanguage.put(Text.ENGLISH, en.get());
            }
            String translated = path.substring(0, path.length() - 3) + "." + Text.CHINESE + ".md";
            Optional<String> zh = files.read(translated);
            if (zh.isEmpty()) {
                warning(node.location(), "no Simplified Chinese translation " + files.display(translated)
                        + "; learners with --lang zh-CN see English");
            } else {
                byLanguage.put(Text.CHINESE, zh.get());
            }
            return new Text(byLanguage);
        }

        private List<Action> actions(YNode node, Set<String> checkIds) {
            List<Action> out = new ArrayList<>();
            if (node == null || isNull(node)) {
                return out;
            }
            if (!(node instanceof YList list)) {
                error(node.location(), "actions must be a list (- run: ...)");
                return out;
            }
            for (YNode item : list.items()) {
                if (!(item instanceof YMap a)) {
                    error(item.location(), "an action must be a map, e.g. - run: minikube start");
                    continue;
                }
                String kind = a.entries().keySet().stream().filter(ACTION_KINDS::contains).findFirst().orElse(null);
                if (kind == null) {
                    String first = a.entries().keySet().stream().findFirst().orElse("");
                    String close = Suggest.closest(first, ACTION_KINDS).map(k -> " (did you mean '" + k + "'?)").orElse("");
                    error(a.location(), "unknown action kind" + (first.isEmpty() ? "" : " '" + first + "'")
                            + "; this version of lab knows: " + String.join(", ", ACTION_KINDS) + close);
                    continue;
                }
                switch (kind) {
                    case "copy" -> out.add(copyAction(a));
                    case "fetch" -> out.add(fetchAction(a));
                    default -> out.add(runAction(a, checkIds));
                }
            }
            return out;
        }

        private CopyAction copyAction(YMap a) {
            unknownKeys(a, COPY_KEYS, "in a copy action");
            YMap f = fields(a, "copy", COPY_FIELDS, "copy: {src: FILE or content: TEXT, dest: PATH, mode: \"0644\"}");
            String src = field(f, "src");
            String content = field(f, "content");
            if ((src == null) == (content == null)) {
                error(a.get("copy").location(), "copy needs exactly one of src: (a local file) or content: (the text)");
            }
            String dest = field(f, "dest");
            if (dest == null) {
                error(a.get("copy").location(), "copy needs dest: the path on the target");
            }
            String mode = mode(f);
            return new CopyAction(src, content, dest, mode == null ? "0644" : mode, field(f, "owner"), on(a),
                    a.location());
        }

        private FetchAction fetchAction(YMap a) {
            unknownKeys(a, FETCH_KEYS, "in a fetch action");
            YMap f = fields(a, "fetch", FETCH_FIELDS, "fetch: {src: PATH on the target, dest: local PATH, mode: \"0600\"}");
            String src = field(f, "src");
            String dest = field(f, "dest");
            if (src == null || dest == null) {
                error(a.get("fetch").location(), "fetch needs src: (the path on the target) and dest: (a local path)");
            }
            String mode = mode(f);
            return new FetchAction(src, dest, mode == null ? "0600" : mode, on(a), a.location());
        }

        private YMap fields(YMap a, String kind, Set<String> known, String example) {
            YNode node = a.get(kind);
            if (!(node instanceof YMap m)) {
                error(node.location(), kind + " takes a map: " + example);
                return new YMap(Map.of(), node.location());
            }
            unknownKeys(m, known, "in " + kind);
            return m;
        }

        private String field(YMap m, String key) {
            if (!m.has(key)) {
                return null;
            }
            String v = scalar(m.get(key), key);
            remember(v, m.get(key).location());
            return v;
        }

        private String mode(YMap f) {
            String mode = f.has("mode") ? scalar(f.get("mode"), "mode") : null;
            if (mode != null && !MODE.matcher(mode).matches()) {
                error(f.get("mode").location(), "mode must be octal like \"0644\" (quote it, or YAML reads a number)");
                return null;
            }
            return mode == null ? null : (mode.length() == 3 ? "0" + mode : mode);
        }

        private String on(YMap a) {
            return a.has("on") ? scalar(a.get("on"), "on") : "local";
        }

        private RunAction runAction(YMap a, Set<String> checkIds) {
            unknownKeys(a, RUN_KEYS, "in a run action");
            String command = scalar(a.get("run"), "run");
            if (command == null || command.isBlank()) {
                error(a.get("run").location(), "run needs the command to run");
                command = "";
            }
            remember(command, a.get("run").location());
            String on = a.has("on") ? scalar(a.get("on"), "on") : "local";
            Duration timeout = a.has("timeout") ? duration(a.get("timeout")) : RunAction.DEFAULT_TIMEOUT;
            String creates = a.has("creates") ? scalar(a.get("creates"), "creates") : null;
            if (creates != null) {
                remember(creates, a.get("creates").location());
            }
            List<String> unless = stringList(a.get("unless"), "unless");
            for (String id : unless) {
                if (!checkIds.contains(id)) {
                    error(a.get("unless").location(), "unless names check '" + id + "', which this step does not have; "
                            + (checkIds.isEmpty() ? "add it under checks:" : Suggest.fix(id, checkIds)));
                }
            }
            Map<String, Pattern> capture = new LinkedHashMap<>();
            YNode c = a.get("capture");
            if (c != null && !isNull(c)) {
                if (c instanceof YMap cm) {
                    cm.entries().values().forEach(e -> {
                        Pattern p = pattern(e.value());
                        if (p != null) {
                            capture.put(e.key(), p);
                        }
                    });
                } else {
                    error(c.location(), "capture must be a map of variable: 'pattern' (group 1 becomes the value)");
                }
            }
            List<String> unlessSet = stringList(a.get("unless_set"), "unless_set");
            Condition when = null;
            if (a.has("if")) {
                String text = scalar(a.get("if"), "if");
                when = Condition.parse(text).orElse(null);
                if (when == null) {
                    error(a.get("if").location(), "if must compare the size of a group with a number, e.g. "
                            + "if: \"kube_control_plane >= 3\"");
                }
            }
            unlessSetLocations.put(a.location(), a.get("unless_set"));
            return new RunAction(command, on, timeout, creates, unless, capture, bool(a, "sudo"), unlessSet, when,
                    a.location());
        }

        private List<CheckSpec> checks(YNode node) {
            List<CheckSpec> out = new ArrayList<>();
            if (node == null || isNull(node)) {
                return out;
            }
            if (!(node instanceof YList list)) {
                error(node.location(), "checks must be a list (- id: ..., kind: ...)");
                return out;
            }
            int n = 0;
            for (YNode item : list.items()) {
                n++;
                if (!(item instanceof YMap c)) {
                    error(item.location(), "a check must be a map with id and kind");
                    continue;
                }
                unknownKeys(c, CHECK_KEYS, "in a check");
                String kind = requiredString(c, "kind", "the check's kind; `lab checks` lists them");
                String id = c.has("id") ? scalar(c.get("id"), "id") : kind + "-" + n;
                Map<String, Object> params = new LinkedHashMap<>();
                YNode with = c.get("with");
                if (with != null && !isNull(with)) {
                    if (with instanceof YMap wm) {
                        wm.entries().values().forEach(e -> {
                            params.put(e.key(), e.value().toPlain());
                            rememberAll(e.value());
                        });
                    } else {
                        error(with.location(), "with must be a map of the check's parameters");
                    }
                }
                if (kind != null) {
                    validateCheck(kind, c, params);
                }
                String on = c.has("on") ? scalar(c.get("on"), "on") : "local";
                out.add(new CheckSpec(id, kind == null ? "" : kind, on, params, text(c, "title", false),
                        text(c, "hint", false), c.location()));
            }
            return out;
        }

        private void validateCheck(String kindName, YMap c, Map<String, Object> params) {
            Optional<CheckKind> found = registry.find(kindName);
            if (found.isEmpty()) {
                error(c.get("kind").location(), "unknown check kind '" + kindName + "'; "
                        + Suggest.fix(kindName, registry.names()) + " (`lab checks` lists them all)");
                return;
            }
            CheckKind kind = found.get();
            YMap with = c.get("with") instanceof YMap m ? m : null;
            Location at = with != null ? with.location() : c.location();
            List<String> known = kind.params().stream().map(ParamSpec::name).toList();
            boolean templatedValue = false;
            int before = problems.size();
            for (Map.Entry<String, Object> e : params.entrySet()) {
                Location where = with != null && with.entries().containsKey(e.getKey())
                        ? with.entries().get(e.getKey()).keyLocation() : at;
                Optional<ParamSpec> spec = kind.params().stream().filter(p -> p.name().equals(e.getKey())).findFirst();
                if (spec.isEmpty()) {
                    error(where, "check '" + kindName + "' has no parameter '" + e.getKey() + "'; "
                            + Suggest.fix(e.getKey(), known));
                    continue;
                }
                boolean hasTemplate = String.valueOf(e.getValue()).contains("{{");
                templatedValue |= hasTemplate;
                if (!hasTemplate && e.getValue() != null && !spec.get().type().accepts(e.getValue())) {
                    error(where, "parameter '" + e.getKey() + "' of check '" + kindName + "' must be "
                            + spec.get().type().word() + ": " + spec.get().description());
                }
            }
            for (ParamSpec p : kind.params()) {
                if (p.required() && !params.containsKey(p.name())) {
                    error(at, "check '" + kindName + "' needs parameter '" + p.name() + "' (" + p.description() + ")");
                }
            }
            // Only a check whose parameters are otherwise right is built, so one mistake is reported once.
            if (!templatedValue && problems.size() == before) {
                try {
                    kind.create(new Params(params));
                } catch (BadParameterException | PatternSyntaxException e) {
                    if (!e.getMessage().contains("has no parameter") && !e.getMessage().contains("needs parameter")) {
                        error(at, e.getMessage());
                    }
                }
            }
        }

        private Quiz quiz(YNode node) {
            if (!(node instanceof YMap q)) {
                error(node.location(), "quiz must be a map with type, question, choices and answer");
                return null;
            }
            unknownKeys(q, QUIZ_KEYS, "in a quiz");
            String typeWord = q.has("type") ? scalar(q.get("type"), "type") : "single";
            Quiz.Type type = null;
            for (Quiz.Type t : Quiz.Type.values()) {
                if (t.word().equals(typeWord)) {
                    type = t;
                }
            }
            if (type == null) {
                error(q.get("type").location(), "unknown quiz type '" + typeWord + "'; use single, multiple or text");
                return null;
            }
            Text question = text(q, "question", true);
            Map<String, Text> choices = new LinkedHashMap<>();
            YNode ch = q.get("choices");
            if (ch instanceof YMap cm) {
                cm.entries().values().forEach(e -> choices.put(e.key(), textNode(e.value(), "choice " + e.key())));
            } else if (ch != null) {
                error(ch.location(), "choices must be a map of id: text (a: ..., b: ...)");
            }
            Set<String> correct = new LinkedHashSet<>(stringList(q.get("answer"), "answer"));
            List<String> keywords = stringList(q.get("keywords"), "keywords").stream()
                    .map(k -> k.toLowerCase(Locale.ROOT)).toList();
            int minKeywords = q.has("min_keywords") ? integer(q.get("min_keywords"), "min_keywords") : 1;
            if (type == Quiz.Type.TEXT) {
                if (keywords.isEmpty()) {
                    error(q.location(), "a text quiz needs keywords: the words an accepted answer contains");
                }
                if (minKeywords > keywords.size()) {
                    error(q.location(), "min_keywords is " + minKeywords + " but there are only " + keywords.size() + " keywords");
                }
            } else {
                if (choices.size() < 2) {
                    error(q.location(), "a " + type.word() + " choice quiz needs at least two choices");
                }
                if (correct.isEmpty()) {
                    error(q.location(), "missing 'answer': the id(s) of the right choice(s)");
                }
                for (String id : correct) {
                    if (!choices.containsKey(id)) {
                        error(q.get("answer").location(), "answer '" + id + "' is not a choice; "
                                + Suggest.fix(id, choices.keySet()));
                    }
                }
                if (type == Quiz.Type.SINGLE && correct.size() > 1) {
                    error(q.get("answer").location(), "a single choice quiz has one answer; use type: multiple");
                }
            }
            return new Quiz(type, question, choices, correct, keywords, minKeywords, text(q, "explanation", true));
        }

        // ---- references ----

        private void remember(String text, Location at) {
            if (text != null && text.contains("{{")) {
                templated.add(Map.entry(text, at));
            }
        }

        private void rememberAll(YNode node) {
            if (node instanceof YScalar s) {
                remember(s.text(), s.location());
            } else if (node instanceof YList l) {
                l.items().forEach(this::rememberAll);
            } else if (node instanceof YMap m) {
                m.entries().values().forEach(e -> rememberAll(e.value()));
            }
        }

        private void checkReferences(Map<String, Variable> variables) {
            for (Map.Entry<String, Location> t : templated) {
                for (String name : Template.references(t.getKey())) {
                    if (!variables.containsKey(name) && !Template.isBuiltIn(name)) {
                        Set<String> known = new LinkedHashSet<>(variables.keySet());
                        known.addAll(Template.BUILT_INS);
                        error(t.getValue(), "undefined variable {{" + name + "}}; declare it under variables: or "
                                + Suggest.fix(name, known));
                    }
                }
            }
        }

        private void checkCaptures(List<Step> steps, Map<String, Variable> variables) {
            for (Step s : steps) {
                for (Action a : s.actions()) {
                    if (a instanceof RunAction r) {
                        for (String v : r.unlessSet()) {
                            if (!variables.containsKey(v)) {
                                error(unlessSetLocations.get(r.location()).location(), "unless_set names '" + v
                                        + "', which is not declared under variables:");
                            }
                        }
                        for (String v : r.capture().keySet()) {
                            if (!variables.containsKey(v)) {
                                error(r.location(), "capture sets '" + v + "', which is not declared under variables: "
                                        + "(declare it, with secret: true if it holds a token)");
                            }
                        }
                    }
                }
            }
        }

        // ---- small readers ----

        private void unknownKeys(YMap map, Set<String> known, String where) {
            for (YNode.Entry e : map.entries().values()) {
                if (!known.contains(e.key())) {
                    error(e.keyLocation(), "unknown key '" + e.key() + "' " + where + "; "
                            + Suggest.fix(e.key(), new java.util.TreeSet<>(known)));
                }
            }
        }

        private Text text(YMap map, String key, boolean required) {
            YNode node = map.get(key);
            if (node == null || isNull(node)) {
                if (required) {
                    error(map.location(), "missing '" + key + "'; write it in English and Simplified Chinese: "
                            + key + ": {en: ..., zh-CN: ...}");
                }
                return Text.EMPTY;
            }
            return textNode(node, key);
        }

        /** A text is "in English" or {en: ..., zh-CN: ...}; a missing translation is a warning. */
        private Text textNode(YNode node, String what) {
            if (node instanceof YScalar s) {
                warning(s.location(), what + " has no Simplified Chinese translation; write {en: ..., zh-CN: ...}");
                return Text.english(s.text());
            }
            if (node instanceof YMap m) {
                Map<String, String> byLanguage = new LinkedHashMap<>();
                for (YNode.Entry e : m.entries().values()) {
                    if (!Text.LANGUAGES.contains(e.key())) {
                        error(e.keyLocation(), "unknown language '" + e.key() + "'; "
                                + Suggest.fix(e.key(), Text.LANGUAGES));
                        continue;
                    }
                    String v = scalar(e.value(), what + " (" + e.key() + ")");
                    if (v != null) {
                        byLanguage.put(e.key(), v);
                    }
                }
                if (!byLanguage.containsKey(Text.ENGLISH)) {
                    error(m.location(), what + " needs an English text (en:), the fallback for every language");
                } else if (!byLanguage.containsKey(Text.CHINESE)) {
                    warning(m.location(), what + " has no Simplified Chinese translation (zh-CN:)");
                }
                return new Text(byLanguage);
            }
            error(node.location(), what + " must be a text or {en: ..., zh-CN: ...}, not " + node.describe());
            return Text.EMPTY;
        }

        private String requiredString(YMap map, String key, String what) {
            YNode node = map.get(key);
            if (node == null || isNull(node)) {
                error(map.location(), "missing '" + key + "': " + what);
                return null;
            }
            return scalar(node, key);
        }

        private String scalar(YNode node, String what) {
            if (node instanceof YScalar s && !s.isNull()) {
                return s.text();
            }
            if (node instanceof YScalar) {
                return null;
            }
            error(node.location(), what + " must be a single value, not " + node.describe());
            return null;
        }

        private List<String> stringList(YNode node, String what) {
            if (node == null || isNull(node)) {
                return List.of();
            }
            if (node instanceof YScalar s) {
                return List.of(s.text());
            }
            if (node instanceof YList l) {
                List<String> out = new ArrayList<>();
                l.items().forEach(i -> {
                    String v = scalar(i, what);
                    if (v != null) {
                        out.add(v);
                    }
                });
                return out;
            }
            error(node.location(), what + " must be a list of values");
            return List.of();
        }

        private boolean bool(YMap map, String key) {
            YNode node = map.get(key);
            if (node == null || isNull(node)) {
                return false;
            }
            if (node instanceof YScalar s && s.kind() == YScalar.Kind.BOOLEAN) {
                return Boolean.parseBoolean(s.text());
            }
            error(node.location(), key + " must be true or false");
            return false;
        }

        private int integer(YNode node, String what) {
            if (node instanceof YScalar s && s.kind() == YScalar.Kind.INTEGER) {
                return Integer.parseInt(s.text());
            }
            error(node.location(), what + " must be a whole number");
            return 1;
        }

        private Pattern pattern(YNode node) {
            if (node == null || isNull(node)) {
                return null;
            }
            String p = scalar(node, "pattern");
            if (p == null) {
                return null;
            }
            try {
                return Pattern.compile(p, Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                error(node.location(), "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
                return null;
            }
        }

        private Duration duration(YNode node) {
            String s = scalar(node, "timeout");
            Matcher m = s == null ? null : DURATION.matcher(s.strip());
            if (m == null || !m.matches()) {
                error(node.location(), "timeout must look like 30s, 10m or 1h");
                return RunAction.DEFAULT_TIMEOUT;
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.isZero()) {
                error(node.location(), "timeout must be more than zero");
                return RunAction.DEFAULT_TIMEOUT;
            }
            return d;
        }

        private boolean isNull(YNode node) {
            return node instanceof YScalar s && s.isNull();
        }

        private void error(Location at, String message) {
            problems.add(new Problem(Problem.Severity.ERROR, at, message));
        }

        private void warning(Location at, String message) {
            problems.add(new Problem(Problem.Severity.WARNING, at, message));
        }
    }
}
