package io.kubelab.checks;

import static io.kubelab.checks.ParamSpec.optional;
import static io.kubelab.checks.ParamSpec.required;

import io.kubelab.checks.cluster.Kubeconfig;
import io.kubelab.checks.oncluster.ApiReachableCheck;
import io.kubelab.checks.oncluster.KubeContextCheck;
import io.kubelab.checks.oncluster.NodeCountCheck;
import io.kubelab.checks.oncluster.NodesReadyCheck;
import io.kubelab.checks.onhost.BinaryVersionCheck;
import io.kubelab.checks.onhost.CommandCheck;
import io.kubelab.checks.onhost.MinikubeDriverCheck;
import io.kubelab.checks.onhost.ResourcesCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every check kind, by the name lab YAML uses. Lab content, `lab validate` and `lab checks` all
 * read this one list.
 */
public final class CheckRegistry {
    /** Every cluster check takes these: which kubeconfig and context to use (default: the learner's). */
    public static final String KUBECONFIG = "kubeconfig";
    public static final String CONTEXT = "context";

    private final Map<String, CheckKind> kinds = new LinkedHashMap<>();

    private CheckRegistry() {
    }

    /**
     * The built-in checks.
     *
     * @param env the environment the learner runs in (for the default kubeconfig)
     */
    public static CheckRegistry standard(Map<String, String> env) {
        CheckRegistry r = new CheckRegistry();
        Path kubeconfig = Kubeconfig.defaultPath(env);

        r.host("command", "a command exits with the expected status and its output matches a pattern",
                List.of(required("command", ParamType.STRING, "the shell command to run"),
                        optional("exit", ParamType.INTEGER, "expected exit status (default 0)"),
                        optional("match", ParamType.STRING, "a regular expression the output must contain")),
                """
                kind: command
                on: local
                with: {command: "docker info --format '{{.ServerVersion}}'", match: '^\\d+'}""",
                CommandCheck::from);
        r.host("binary-version", "a tool is on the PATH, at least a given version (parsed from its own version output)",
                List.of(required("binary", ParamType.STRING, "the program name, e.g. kubeadm, minikube, eksctl"),
                        optional("min", ParamType.STRING, "the lowest acceptable version, e.g. 1.30.0"),
                        optional("command", ParamType.STRING, "how to print its version, when it is not a known tool")),
                """
                kind: binary-version
                on: local
                with: {binary: minikube, min: 1.30.0}""",
                BinaryVersionCheck::from);
        r.host("resources", "the host has at least N CPUs and M MB memory (total, or available now)",
                List.of(optional("cpus", ParamType.INTEGER, "minimum number of CPUs"),
                        optional("memory_mb", ParamType.INTEGER, "minimum memory in MB"),
                        optional("memory_kind", ParamType.STRING, "total (default) or available")),
                """
                kind: resources
                on: kube_control_plane
                with: {cpus: 2, memory_mb: 1700}""",
                ResourcesCheck::from);
        r.host("minikube-driver", "a driver minikube can use is healthy (docker, podman, kvm2, virtualbox), and which one it would choose",
                List.of(optional("driver", ParamType.STRING, "require this driver instead of any")),
                """
                kind: minikube-driver
                on: local""",
                MinikubeDriverCheck::from);

        r.add(new CheckKind("kube-context", CheckKind.Scope.FILES,
                "a kubeconfig has the named context, and it is the current one",
                List.of(required(CONTEXT, ParamType.STRING, "the context name, e.g. minikube"),
                        optional("current", ParamType.BOOLEAN, "also require it to be current (default true)"),
                        optional(KUBECONFIG, ParamType.STRING, "the kubeconfig file (default $KUBECONFIG or ~/.kube/config)")),
                """
                kind: kube-context
                with: {context: minikube}""",
                p -> KubeContextCheck.from(p, kubeconfig)));

        r.cluster("api-reachable", "the API server answers and reports its version", List.of(),
                """
                kind: api-reachable""",
                ApiReachableCheck::from);
        r.cluster("node-count", "the cluster has exactly (count) or at least (min) N nodes",
                List.of(optional("count", ParamType.INTEGER, "exact number of nodes"),
                        optional("min", ParamType.INTEGER, "minimum number of nodes")),
                """
                kind: node-count
                with: {count: 1}""",
                NodeCountCheck::from);
        r.cluster("nodes-ready", "every node is Ready; each one that is not is named with its condition",
                List.of(optional("names", ParamType.LIST, "nodes that must be present too")),
                """
                kind: nodes-ready
                with: {names: [minikube]}""",
                NodesReadyCheck::from);
        return r;
    }

    public Optional<CheckKind> find(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    public List<CheckKind> all() {
        return List.copyOf(kinds.values());
    }

    public List<String> names() {
        return List.copyOf(kinds.keySet());
    }

    private void host(String name, String summary, List<ParamSpec> params, String example,
                      Function<Params, Check> factory) {
        add(new CheckKind(name, CheckKind.Scope.HOST, summary, params, example, factory));
    }

    private void cluster(String name, String summary, List<ParamSpec> params, String example,
                         Function<Params, Check> factory) {
        List<ParamSpec> all = new ArrayList<>(params);
        all.add(optional(KUBECONFIG, ParamType.STRING, "the kubeconfig file (default $KUBECONFIG or ~/.kube/config)"));
        all.add(optional(CONTEXT, ParamType.STRING, "the context to use (default: the current one)"));
        // The cluster parameters choose where to look; the check itself never sees them.
        Function<Params, Check> withoutAccessParams = p -> {
            Map<String, Object> rest = new LinkedHashMap<>(p.values());
            rest.remove(KUBECONFIG);
            rest.remove(CONTEXT);
            return factory.apply(new Params(rest));
        };
        add(new CheckKind(name, CheckKind.Scope.CLUSTER, summary, all, example, withoutAccessParams));
    }

    private void add(CheckKind kind) {
        if (kinds.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("two checks named " + kind.name());
        }
    }
}
