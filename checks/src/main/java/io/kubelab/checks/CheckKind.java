package io.kubelab.checks;

import java.util.List;
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

    /** Builds the check, refusing parameters this kind does not know or lacks. */
    public Check create(Params params) {
        for (String given : params.values().keySet()) {
            if (this.params.stream().noneMatch(p -> p.name().equals(given))) {
                throw new BadParameterException("check '" + name + "' has no parameter '" + given + "'; it takes: "
                        + String.join(", ", this.params.stream().map(ParamSpec::name).toList()));
            }
        }
        for (ParamSpec spec : this.params) {
            if (spec.required() && !params.has(spec.name())) {
                throw new BadParameterException("check '" + name + "' needs parameter '" + spec.name() + "' ("
                        + spec.description() + ")");
            }
        }
        return factory.apply(params);
    }
}
