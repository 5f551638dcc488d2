package io.kubelab.labs.run;

import io.kubelab.labs.values.Redactor;
import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.values.Render;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.model.Variable;
import io.kubelab.labs.nodes.Node;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of one lab's variables during a session. Secret values live only here, in memory:
 * {@link #persistable()} leaves them out, and {@link #redactor()} masks them everywhere else.
 */
public final class Variables {
    /** Where a variable's value came from, as `vars` tells the learner. */
    public enum Origin {
        DEFAULT, REMEMBERED, SET, ANSWERED, CAPTURED, GENERATED, COMPUTED, FIXED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Lab lab;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final Map<String, String> builtIns;
    private final java.util.function.Function<String, Optional<String>> dynamic;
    private final SecureRandom random = new SecureRandom();
    private Redactor redactor;

    /**
     * @param stored values kept in progress from an earlier session (never secret)
     * @param given  values from --set, which win over everything
     */
    public Variables(Lab lab, Map<String, String> builtIns, Map<String, String> stored, Map<String, String> given) {
        this(lab, builtIns, stored, given, name -> Optional.empty());
    }

    /** @param dynamic values that depend on the environment, such as {{hosts.GROUP}} */
    public Variables(Lab lab, Map<String, String> builtIns, Map<String, String> stored, Map<String, String> given,
                     java.util.function.Function<String, Optional<String>> dynamic) {
        this.lab = lab;
        this.builtIns = Map.copyOf(builtIns);
        this.dynamic = dynamic;
        lab.variables().values().forEach(v -> {
            if (v.defaultValue() != null) {
                // A default may name where the lab keeps its files: "{{lab.workdir}}/kubespray".
                boolean builtInsOnly = Template.references(v.defaultValue()).stream().allMatch(this.builtIns::containsKey);
                values.put(v.name(), builtInsOnly ? Template.render(v.defaultValue(),
                        n -> Optional.ofNullable(this.builtIns.get(n))) : v.defaultValue());
                origins.put(v.name(), Origin.DEFAULT);
            }
        });
        stored.forEach((k, v) -> {
            Variable spec = lab.variables().get(k);
            if (spec != null && !spec.secret() && !spec.isComputed() && !v.equals(spec.defaultValue())) {
                values.put(k, v);
                origins.put(k, Origin.REMEMBERED);
            }
        });
        given.forEach(this::set);
    }

    /**
     * The variables of a lab working on {@code nodes}: the built-ins ({{lab.id}}, {{lab.workdir}},
     * {{lab.inventory}} when there is one) and the nodes' {{hosts.G}} and {{addresses.G}}.
     */
    public static Variables on(Lab lab, java.nio.file.Path workFolder, io.kubelab.labs.nodes.Nodes nodes,
                               Map<String, String> stored, Map<String, String> given) {
        Map<String, String> builtIns = new LinkedHashMap<>(Map.of("lab.id", lab.id(), "lab.workdir",
                workFolder.toString()));
        nodes.inventoryFile().ifPresent(f -> builtIns.put("lab.inventory", f.toAbsolutePath().toString()));
        return new Variables(lab, builtIns, stored, given, nodes::groupValue);
    }

    /** Checks every --set name against the lab before anything runs. */
    public static void checkNames(Lab lab, Set<String> given) {
        for (String name : given) {
            if (!lab.variables().containsKey(name)) {
                throw LabException.badInput("lab '" + lab.id() + "' has no variable '" + name + "'; it has: "
                        + (lab.variables().isEmpty() ? "none" : String.join(", ", lab.variables().keySet())));
            }
            refuseComputed(lab.variables().get(name));
        }
    }

    private static void refuseComputed(Variable spec) {
        if (spec.isComputed()) {
            throw LabException.badInput(spec.name() + " cannot be set: it is always " + spec.computed()
                    + "; set what it is made of instead");
        }
    }

    public Optional<String> get(String name) {
        if (builtIns.containsKey(name)) {
            return Optional.of(builtIns.get(name));
        }
        if (values.containsKey(name)) {
            return Optional.of(values.get(name));
        }
        Variable spec = lab.variables().get(name);
        if (spec != null && spec.isComputed()) {
            // Loading refused cycles, so this ends.
            return Template.references(spec.computed()).stream().allMatch(this::has)
                    ? Optional.of(Template.render(spec.computed(), this::get)) : Optional.empty();
        }
        return dynamic.apply(name);
    }

    /**
     * Why the value of {@code name} may not be used: it is not in the variable's supported list
     * (and the learner did not insist). Empty when it may.
     */
    public Optional<String> refusal(String name) {
        Variable spec = lab.variables().get(name);
        Optional<String> value = get(name);
        if (spec == null || spec.supported() == null || value.isEmpty() || spec.supported().allows(value.get())
                || get(spec.supported().unless()).map("true"::equals).orElse(false)) {
            return Optional.empty();
        }
        Variable.Supported s = spec.supported();
        return Optional.of(name + " " + value.get() + " is not supported (supported as of " + s.asOf() + ": "
                + String.join(", ", s.values()) + "); choose one with --set " + name + "="
                + s.values().get(s.values().size() - 1) + ", or pass --set " + s.unless()
                + "=true to use " + value.get() + " anyway");
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    /** Sets a value given with --set or `set`, after checking it against the variable's pattern and choices. */
    public void set(String name, String value) {
        set(name, value, Origin.SET);
    }

    /** Sets a value after checking it against the variable's pattern and choices. */
    public void set(String name, String value, Origin origin) {
        Variable spec = lab.variables().get(name);
        if (spec == null) {
            throw LabException.badInput("lab '" + lab.id() + "' has no variable '" + name + "'");
        }
        refuseComputed(spec);
        String shown = spec.secret() ? Redactor.MASK : "'" + value + "'";
        if (spec.pattern() != null && !spec.pattern().matcher(value).matches()) {
            throw LabException.badInput("value " + shown + " for " + name + " does not match " + spec.pattern().pattern());
        }
        if (!spec.choices().isEmpty() && !spec.choices().contains(value)) {
            throw LabException.badInput("value " + shown + " for " + name + " must be one of " + spec.choices());
        }
        put(name, value);
        origins.put(name, origin);
    }

    /** Where the value of {@code name} came from; empty when it has none. */
    public Optional<Origin> origin(String name) {
        Variable spec = lab.variables().get(name);
        if (spec != null && spec.isComputed()) {
            if (!has(name)) {
                return Optional.empty();
            }
            return Optional.of(Template.references(spec.computed()).isEmpty() ? Origin.FIXED : Origin.COMPUTED);
        }
        return values.containsKey(name) ? Optional.ofNullable(origins.get(name)) : Optional.empty();
    }

    public synchronized void forget(String name) {
        values.remove(name);
        origins.remove(name);
        redactor = null;
    }

    private synchronized void put(String name, String value) {
        values.put(name, value);
        redactor = null;
    }

    /** Makes a value for a variable that has a generator and none yet. */
    public boolean generate(String name) {
        Variable spec = lab.variables().get(name);
        if (spec == null || spec.generate() == null || values.containsKey(name)) {
            return false;
        }
        put(name, spec.generate().generate(random));
        origins.put(name, Origin.GENERATED);
        return true;
    }

    public String render(String text) {
        return Template.render(text, this::get);
    }

    /** Fills in variables before any node is chosen ({{host.*}} stay as written). */
    public Render renderer() {
        return renderer(this::get);
    }

    /** Fills in variables, and {{host.name}} / {{host.address}} with the node the text is used on. */
    public Render renderer(Node node) {
        return renderer(name -> switch (name) {
            case "host.name" -> Optional.of(node.name());
            case "host.address" -> Optional.of(node.networkAddress());
            default -> get(name);
        });
    }

    private static Render renderer(java.util.function.Function<String, Optional<String>> values) {
        return new Render() {
            @Override
            public String text(String template) {
                return Template.render(template, values);
            }

            @Override
            public String shell(String command) {
                return Template.renderShell(command, values);
            }
        };
    }

    /** The names a text refers to that have no value yet. */
    public List<String> missing(String text) {
        List<String> out = new java.util.ArrayList<>();
        for (String name : Template.references(text)) {
            Variable spec = lab.variables().get(name);
            if (has(name)) {
                continue;
            }
            // A computed value is missing because of what it is made of: name those.
            out.addAll(spec != null && spec.isComputed() ? missing(spec.computed()) : List.of(name));
        }
        return out.stream().distinct().toList();
    }

    public Map<String, String> persistable() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Variable spec = lab.variables().get(k);
            // A default is the lab's, not the learner's: it is worked out again at every start.
            if (spec != null && !spec.secret() && origins.get(k) != Origin.DEFAULT) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Masks every secret value known now; made again only after a value changes. */
    public synchronized Redactor redactor() {
        if (redactor == null) {
            redactor = new Redactor(values.entrySet().stream()
                    .filter(e -> lab.variables().get(e.getKey()) != null && lab.variables().get(e.getKey()).secret())
                    .map(Map.Entry::getValue).toList());
        }
        return redactor;
    }

    public Lab lab() {
        return lab;
    }
}
