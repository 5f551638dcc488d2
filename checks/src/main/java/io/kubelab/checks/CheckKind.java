package io.kubelab.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A named kind of check as lab YAML uses it ({@code kind: nodes-ready}), with everything
 * `lab checks` prints about it. The list is generated from these, so it cannot drift.
 *
 * @param scope   where it looks: a host (local or SSH), the cluster API, or files
 * @param example a complete YAML snippet that uses it
 */
public record CheckKind(String name, Scope scope, String summary, List<ParamSpec> params, String example,
                        Function<Params, Check> factory) {

    /**
     * Where a kind looks: on each host of its target (HOST), once over all of them (HOSTS: checks
     * that compare hosts), through the cluster API (CLUSTER), or at local files (FILES).
     */
    public enum Scope { HOST, HOSTS, CLUSTER, FILES }

    public CheckKind {
        params = List.copyOf(params);
    }

    /**
     * Everything wrong with {@code params}: unknown and missing parameters, values of the wrong
     * shape, and (only when those are right) what the check itself refuses. A value that still
     * holds a {{variable}} is not judged: it is checked once filled in.
     */
    public List<ParamProblem> problems(Map<String, Object> params) {
        List<ParamProblem> out = shapeProblems(params);
        boolean templated = params.values().stream().anyMatch(v -> String.valueOf(v).contains("{{"));
        if (out.isEmpty() && !templated) {
            try {
                factory.apply(new Params(params));
            } catch (IllegalArgumentException e) { // BadParameterException, or a bad pattern
                out.add(new ParamProblem(null, ParamProblem.Reason.BAD_VALUE, e.getMessage()));
            }
        }
        return out;
    }

    /** Unknown and missing parameters, and values of the wrong shape. */
    private List<ParamProblem> shapeProblems(Map<String, Object> params) {
        List<ParamProblem> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Optional<ParamSpec> spec = param(e.getKey());
            if (spec.isEmpty()) {
                out.add(new ParamProblem(e.getKey(), ParamProblem.Reason.UNKNOWN, "check '" + name
                        + "' has no parameter '" + e.getKey() + "'; it takes: " + String.join(", ", paramNames())));
                continue;
            }
            boolean hasTemplate = String.valueOf(e.getValue()).contains("{{");
            // A parameter written with no value (`match:`) is null: not of any type, and not "not given" either.
            if (!hasTemplate && (e.getValue() == null || !spec.get().type().accepts(e.getValue()))) {
                out.add(new ParamProblem(e.getKey(), ParamProblem.Reason.WRONG_TYPE, "parameter '" + e.getKey()
                        + "' of check '" + name + "' must be " + spec.get().type().word() + ": "
                        + spec.get().description()));
            }
        }
        for (ParamSpec spec : this.params) {
            if (spec.required() && !params.containsKey(spec.name())) {
                out.add(new ParamProblem(spec.name(), ParamProblem.Reason.MISSING, "check '" + name
                        + "' needs parameter '" + spec.name() + "' (" + spec.description() + ")"));
            }
        }
        return out;
    }

    /** Builds the check, refusing parameters this kind does not know, lacks, or cannot use. */
    public Check create(Params params) {
        List<ParamProblem> wrong = shapeProblems(params.values());
        if (!wrong.isEmpty()) {
            throw new BadParameterException(wrong.get(0).message());
        }
        return factory.apply(params);
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> paramNames() {
        return params.stream().map(ParamSpec::name).toList();
    }
}
