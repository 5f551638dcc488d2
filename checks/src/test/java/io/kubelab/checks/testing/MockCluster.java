package io.kubelab.checks.testing;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.cluster.KubeconfigCluster;
import io.kubelab.checks.host.LocalHost;
import java.time.Duration;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kubernetes API for tests: fabric8's mock server in CRUD mode (objects created through it are
 * really stored and listed), plus what a real API server answers that the CRUD mode does not:
 * /version, the discovery documents, /readyz and /livez, and server-side Table output, so the
 * machine's own `kubectl` works against it too.
 */
public final class MockCluster implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String VERSION = "v1.31.2";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final ApiDispatcher dispatcher;

    private MockCluster(InetAddress address, int port) {
        this.dispatcher = new ApiDispatcher();
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(address, port);
        this.client = server.createClient();
    }

    /** A cluster on loopback, on a free port. */
    public static MockCluster start() {
        return start(InetAddress.getLoopbackAddress(), 0);
    }

    /** A cluster on a given address (e.g. a bridge that test nodes can reach). */
    public static MockCluster start(InetAddress address, int port) {
        return new MockCluster(address, port);
    }

    /** The API server URL: http://host:port */
    public String url() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    public KubernetesClient client() {
        return client;
    }

    /** Makes /readyz (and /readyz?verbose) fail, naming {@code check} as the failing one; null heals it. */
    public void failReadyz(String check) {
        dispatcher.failingReadyz = check;
    }

    public Node addNode(String name, boolean ready, Map<String, String> labels) {
        return addNode(name, ready ? "True" : "False", ready ? "KubeletReady" : "KubeletNotReady",
                ready ? "kubelet is posting ready status" : "container runtime network not ready: NetworkReady=false",
                labels, VERSION);
    }

    public Node addNode(String name, String readyStatus, String reason, String message, Map<String, String> labels,
                        String kubeletVersion) {
        Node node = new NodeBuilder()
                .withNewMetadata().withName(name).withLabels(new LinkedHashMap<>(labels))
                .withCreationTimestamp(Instant.now().toString()).endMetadata()
                .withNewStatus()
                .addNewCondition().withType("Ready").withStatus(readyStatus).withReason(reason).withMessage(message)
                .endCondition()
                .withNewNodeInfo().withKubeletVersion(kubeletVersion).withOsImage("Debian GNU/Linux 12 (bookworm)")
                .withContainerRuntimeVersion("containerd://1.7.22").endNodeInfo()
                .endStatus().build();
        return client.nodes().resource(node).create();
    }

    /**
     * A pod with one container. {@code waiting} is a waiting reason such as CrashLoopBackOff (then the
     * pod is Running but not ready, as the kubelet reports a crashing container), or null when ready.
     */
    public io.fabric8.kubernetes.api.model.Pod addPod(String namespace, String name, Map<String, String> labels,
                                                      String waiting, int restarts) {
        var status = new io.fabric8.kubernetes.api.model.ContainerStatusBuilder().withName("main")
                .withReady(waiting == null).withRestartCount(restarts).withImage("registry.k8s.io/" + name);
        if (waiting == null) {
            status.withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState();
        } else {
            status.withNewState().withNewWaiting().withReason(waiting).withMessage("back-off restarting failed container")
                    .endWaiting().endState();
        }
        var pod = new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(new LinkedHashMap<>(labels))
                .endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("registry.k8s.io/" + name).endContainer()
                .endSpec()
                .withNewStatus().withPhase("Running").withContainerStatuses(status.build()).endStatus().build();
        return client.pods().inNamespace(namespace).resource(pod).create();
    }

    public void addDeployment(String namespace, String name, int replicas, int available) {
        var d = new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
                .addNewContainer().withName(name).withImage(name).endContainer().endSpec().endTemplate().endSpec()
                .withNewStatus().withReplicas(replicas).withAvailableReplicas(available).endStatus().build();
        client.apps().deployments().inNamespace(namespace).resource(d).create();
    }

    /** A service and its Endpoints object with these pod IPs (none: a selector that matches nothing ready). */
    public void addService(String namespace, String name, String... podIps) {
        client.services().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().addToSelector("app", name).addNewPort().withPort(53).endPort().endSpec().build()).create();
        var subset = new io.fabric8.kubernetes.api.model.EndpointSubsetBuilder();
        for (String ip : podIps) {
            subset.addNewAddress().withIp(ip).endAddress();
        }
        subset.addNewPort().withPort(53).endPort();
        client.endpoints().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.EndpointsBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withSubsets(podIps.length == 0 ? List.of() : List.of(subset.build())).build()).create();
    }

    /** Writes a kubeconfig with one context pointing here. */
    public Path writeKubeconfig(Path file, String context) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                users:
                - name: %1$s
                  user:
                    token: test-token
                """.formatted(context, url()));
        return file;
    }

    /** Runs a cluster check against this cluster, as lab does: through a kubeconfig written in {@code dir}. */
    public CheckResult check(Check check, Path dir) throws IOException {
        Path kubeconfig = writeKubeconfig(dir.resolve("config"), "kubernetes-admin@kubernetes");
        try (ClusterAccess access = new KubeconfigCluster(kubeconfig, null, Duration.ofSeconds(5))) {
            return check.run(new CheckContext(new LocalHost(Map.of(), dir), access, Duration.ofSeconds(5)));
        }
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    /** The CRUD store, with the paths a real API server also answers. */
    private static final class ApiDispatcher extends Dispatcher {
        private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
        volatile String failingReadyz;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String full = request.getPath();
            String path = full.contains("?") ? full.substring(0, full.indexOf('?')) : full;
            boolean verbose = full.contains("verbose");
            switch (path) {
                case "/version":
                    return json(Map.of("major", "1", "minor", "31", "gitVersion", VERSION, "platform", "linux/amd64",
                            "gitCommit", "0000000", "gitTreeState", "clean", "buildDate", "2024-10-22T20:28:14Z",
                            "goVersion", "go1.22.8", "compiler", "gc"));
                case "/readyz":
                case "/livez":
                    return health(path, verbose);
                case "/api":
                    return json(Map.of("kind", "APIVersions", "versions", List.of("v1"),
                            "serverAddressByClientCIDRs", List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress",
                                    "127.0.0.1:6443"))));
                case "/apis":
                    return json(Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", List.of(
                            group("apps"), group("discovery.k8s.io"))));
                case "/api/v1":
                    return json(resources("v1", List.of(
                            res("nodes", "Node", false), res("pods", "Pod", true), res("namespaces", "Namespace", false),
                            res("configmaps", "ConfigMap", true), res("secrets", "Secret", true),
                            res("services", "Service", true), res("endpoints", "Endpoints", true),
                            res("serviceaccounts", "ServiceAccount", true), res("events", "Event", true))));
                case "/apis/apps/v1":
                    return json(resources("apps/v1", List.of(res("deployments", "Deployment", true),
                            res("daemonsets", "DaemonSet", true), res("replicasets", "ReplicaSet", true))));
                case "/apis/discovery.k8s.io/v1":
                    return json(resources("discovery.k8s.io/v1", List.of(res("endpointslices", "EndpointSlice", true))));
                default:
                    break;
            }
            MockResponse response = crud.dispatch(request);
            String accept = request.getHeader("Accept");
            if ("GET".equals(request.getMethod()) && accept != null && accept.contains("as=Table")
                    && response.code() == 200) {
                return Tables.of(response.getBody().readUtf8());
            }
            return response;
        }

        private MockResponse health(String path, boolean verbose) {
            String failing = failingReadyz;
            boolean fails = failing != null && path.equals("/readyz");
            if (!verbose) {
                return new MockResponse().setResponseCode(fails ? 500 : 200)
                        .setBody(fails ? "[-]" + failing + " failed: reason withheld\nreadyz check failed\n" : "ok");
            }
            List<String> checks = List.of("ping", "log", "etcd", "informer-sync", "poststarthook/start-informers");
            StringBuilder body = new StringBuilder();
            for (String c : checks) {
                body.append(c.equals(failing) ? "[-]" + c + " failed: reason withheld\n" : "[+]" + c + " ok\n");
            }
            body.append(fails ? path.substring(1) + " check failed\n" : path.substring(1) + " check passed\n");
            return new MockResponse().setResponseCode(fails ? 500 : 200).setBody(body.toString());
        }

        private static Map<String, Object> group(String name) {
            Map<String, Object> v = Map.of("groupVersion", name + "/v1", "version", "v1");
            return Map.of("name", name, "versions", List.of(v), "preferredVersion", v);
        }

        private static Map<String, Object> resources(String groupVersion, List<Map<String, Object>> resources) {
            return Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion,
                    "resources", resources);
        }

        private static Map<String, Object> res(String name, String kind, boolean namespaced) {
            return Map.of("name", name, "singularName", kind.toLowerCase(java.util.Locale.ROOT), "namespaced", namespaced,
                    "kind", kind, "verbs", List.of("create", "delete", "get", "list", "patch", "update", "watch"));
        }
    }

    static MockResponse json(Object body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(JSON.writeValueAsString(body));
    }

    /** Server-side printing, as `kubectl get` asks for it (Accept: ...;as=Table;...). */
    static final class Tables {
        private Tables() {
        }

        static MockResponse of(String body) {
            JsonNode doc = JSON.readTree(body);
            boolean list = doc.has("items");
            List<JsonNode> items = new ArrayList<>();
            if (list) {
                doc.get("items").forEach(items::add);
            } else {
                items.add(doc);
            }
            String kind = list ? doc.path("kind").asString("").replace("List", "") : doc.path("kind").asString("");
            if (kind.isEmpty() && !items.isEmpty()) {
                kind = items.get(0).path("kind").asString("");
            }
            List<Map<String, Object>> columns = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            if (kind.equals("Node")) {
                columns.addAll(List.of(col("Name"), col("Status"), col("Roles"), col("Age"), col("Version")));
                for (JsonNode n : items) {
                    rows.add(row(n, List.of(n.path("metadata").path("name").asString(""), nodeStatus(n), roles(n), "5m",
                            n.path("status").path("nodeInfo").path("kubeletVersion").asString("")), kind));
                }
            } else if (kind.equals("Pod")) {
                columns.addAll(List.of(col("Name"), col("Ready"), col("Status"), col("Restarts"), col("Age")));
                for (JsonNode p : items) {
                    rows.add(row(p, List.of(p.path("metadata").path("name").asString(""), "1/1",
                            p.path("status").path("phase").asString("Running"), 0, "5m"), kind));
                }
            } else {
                columns.addAll(List.of(col("Name"), col("Age")));
                for (JsonNode o : items) {
                    rows.add(row(o, List.of(o.path("metadata").path("name").asString(""), "5m"), kind));
                }
            }
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("kind", "Table");
            table.put("apiVersion", "meta.k8s.io/v1");
            table.put("metadata", Map.of("resourceVersion", "1"));
            table.put("columnDefinitions", columns);
            table.put("rows", rows);
            return json(table);
        }

        private static Map<String, Object> col(String name) {
            return Map.of("name", name, "type", "string", "format", name.equals("Name") ? "name" : "", "description",
                    name, "priority", 0);
        }

        private static Map<String, Object> row(JsonNode object, List<Object> cells, String kind) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("name", object.path("metadata").path("name").asString(""));
            if (object.path("metadata").has("namespace")) {
                meta.put("namespace", object.path("metadata").path("namespace").asString(""));
            }
            return Map.of("cells", cells, "object", Map.of("kind", "PartialObjectMetadata",
                    "apiVersion", "meta.k8s.io/v1", "metadata", meta));
        }

        private static String nodeStatus(JsonNode n) {
            for (JsonNode c : n.path("status").path("conditions")) {
                if (c.path("type").asString("").equals("Ready")) {
                    return c.path("status").asString("").equals("True") ? "Ready" : "NotReady";
                }
            }
            return "Unknown";
        }

        private static String roles(JsonNode n) {
            List<String> roles = new ArrayList<>();
            n.path("metadata").path("labels").propertyNames().forEach(k -> {
                if (k.startsWith("node-role.kubernetes.io/")) {
                    roles.add(k.substring("node-role.kubernetes.io/".length()));
                }
            });
            return roles.isEmpty() ? "<none>" : String.join(",", roles);
        }
    }
}
