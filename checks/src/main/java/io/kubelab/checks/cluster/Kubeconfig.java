package io.kubelab.checks.cluster;

import io.kubelab.checks.Say;
import io.kubelab.checks.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A kubeconfig file read as data (without fabric8, so context checks stay fast).
 *
 * @param contexts each context with the cluster and user it names
 */
public record Kubeconfig(Path file, String currentContext, List<Context> contexts, Map<String, Cluster> clusters,
                         Map<String, User> users) {

    public record Context(String name, String cluster, String user, String namespace) {
    }

    public record Cluster(String name, String server, String certificateAuthorityData, String certificateAuthority) {
    }

    public record User(String name, String clientCertificateData, String clientCertificate, boolean hasToken,
                       boolean hasExec) {
    }

    /** Made on first read, not when the class is first touched: finding the default path needs no YAML. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }

    /** A file that is not a kubeconfig at all: not YAML (where the parser gave up, and why), or no map at its top. */
    public static final class Invalid extends IOException {
        private final transient Path file;
        private final int line;
        private final int column;
        private final String problem;

        Invalid(Path file, int line, int column, String problem, Throwable cause) {
            super(null, cause);
            this.file = file;
            this.line = line;
            this.column = column;
            this.problem = problem;
        }

        /** What is wrong, in one line, in {@code say}'s language (the parser's own words are its). */
        public String say(Say say) {
            if (problem == null) {
                return say.t("{0} is not a kubeconfig (no top-level map)", file);
            }
            return line < 1 ? say.t("{0} is not valid YAML: {1}", file, problem)
                    : say.t("{0} is not valid YAML (line {1}, column {2}): {3}", file, line, column, problem);
        }

        @Override
        public String getMessage() {
            return say(Say.ENGLISH);
        }
    }

    public static Kubeconfig read(Path file) throws IOException {
        return parse(Files.readString(file), file);
    }

    /** A kubeconfig from its text ({@code file} only names it in messages). */
    public static Kubeconfig parse(String text, Path file) throws IOException {
        JsonNode root;
        try {
            root = Yaml.MAPPER.readTree(text);
        } catch (tools.jackson.core.JacksonException e) {
            tools.jackson.core.TokenStreamLocation at = e.getLocation();
            throw new Invalid(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    YamlProblem.oneLine(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new Invalid(file, 0, 0, null, null);
        }
        List<Context> contexts = new ArrayList<>();
        for (JsonNode c : root.path("contexts")) {
            JsonNode ctx = c.path("context");
            contexts.add(new Context(c.path("name").asString(""), ctx.path("cluster").asString(""),
                    ctx.path("user").asString(""), ctx.path("namespace").asString("")));
        }
        Map<String, Cluster> clusters = new java.util.LinkedHashMap<>();
        for (JsonNode c : root.path("clusters")) {
            JsonNode cl = c.path("cluster");
            String name = c.path("name").asString("");
            clusters.put(name, new Cluster(name, cl.path("server").asString(""),
                    cl.path("certificate-authority-data").asString(""), cl.path("certificate-authority").asString("")));
        }
        Map<String, User> users = new java.util.LinkedHashMap<>();
        for (JsonNode u : root.path("users")) {
            JsonNode us = u.path("user");
            String name = u.path("name").asString("");
            users.put(name, new User(name, us.path("client-certificate-data").asString(""),
                    us.path("client-certificate").asString(""), us.has("token"), us.has("exec")));
        }
        return new Kubeconfig(file, root.path("current-context").asString(""), List.copyOf(contexts),
                Map.copyOf(clusters), Map.copyOf(users));
    }

    public static Optional<Kubeconfig> tryRead(Path file) {
        try {
            return Optional.of(read(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Optional<Context> context(String name) {
        String wanted = name == null ? currentContext : name;
        return contexts.stream().filter(c -> c.name().equals(wanted)).findFirst();
    }

    /** The API server URL of a context (the current one when {@code contextName} is null). */
    public Optional<String> serverOf(String contextName) {
        return context(contextName).map(c -> clusters.get(c.cluster())).map(Cluster::server);
    }

    public List<String> contextNames() {
        return contexts.stream().map(Context::name).toList();
    }

    /**
     * The kubeconfig a learner's kubectl would use: the first existing file of {@code $KUBECONFIG}
     * (a colon-separated list), else {@code ~/.kube/config}.
     */
    public static Path defaultPath(Map<String, String> env) {
        String list = env.get("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            String first = null;
            for (String part : list.split(":")) {
                if (part.isBlank()) {
                    continue;
                }
                if (first == null) {
                    first = part;
                }
                if (Files.exists(Path.of(part))) {
                    return Path.of(part);
                }
            }
            if (first != null) {
                return Path.of(first);
            }
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".kube", "config");
    }
}
