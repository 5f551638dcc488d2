package io.kubelab.shell;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test fixtures for the minikube lab: a `minikube` script that prints what the real minikube
 * prints and, on `start`, writes a kubeconfig pointing at a mock API server and registers the
 * node there (through the API, as the real kubelet would); a `docker` whose daemon answers.
 * kubectl is the machine's real one.
 */
final class MinikubeFixture {
    private MinikubeFixture() {
    }

    static FakeTools install(Path dir, MockCluster cluster) throws IOException {
        FakeTools tools = new FakeTools(dir);
        tools.script("docker", """
                case "$*" in
                  *Server.Version*|*ServerVersion*) echo 27.3.1 ;;
                  *Client.Version*) echo 27.3.1 ;;
                  *) echo "Docker version 27.3.1, build ce12230" ;;
                esac""");
        tools.script("minikube", """
                API=%s
                KCFG="${KUBECONFIG:-$HOME/.kube/config}"
                case "$1" in
                  version)
                    if [ "$2" = "--short" ]; then echo v1.38.1; else
                      echo "minikube version: v1.38.1"; echo "commit: 210b148df93a80eb872ecbeb7e35281b3c582c61"; fi ;;
                  start)
                    echo "😄  minikube v1.38.1 on Debian 12.8"
                    echo "✨  Using the docker driver based on user configuration"
                    echo "👍  Starting \\"minikube\\" primary control-plane node in \\"minikube\\" cluster"
                    echo "🔥  Creating docker container (CPUs=2, Memory=2200MB) ..."
                    echo "🐳  Preparing Kubernetes v1.35.0 on Docker 27.2.0 ..."
                    mkdir -p "$(dirname "$KCFG")"
                    cat > "$KCFG" <<KUBECONFIG
                apiVersion: v1
                kind: Config
                clusters:
                - name: minikube
                  cluster: {server: "$API"}
                contexts:
                - name: minikube
                  context: {cluster: minikube, user: minikube, namespace: default}
                current-context: minikube
                users:
                - name: minikube
                  user: {token: fixture}
                KUBECONFIG
                    curl -sf -X POST -H 'Content-Type: application/json' "$API/api/v1/nodes" -d '{"apiVersion":"v1","kind":"Node",
                      "metadata":{"name":"minikube","labels":{"node-role.kubernetes.io/control-plane":""}},
                      "status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady",
                      "message":"kubelet is posting ready status"}],"nodeInfo":{"kubeletVersion":"v1.35.0"}}}' >/dev/null || true
                    echo "🏄  Done! kubectl is now configured to use \\"minikube\\" cluster and \\"default\\" namespace by default" ;;
                  status)
                    printf 'minikube\\ntype: Control Plane\\nhost: Running\\nkubelet: Running\\napiserver: Running\\nkubeconfig: Configured\\n' ;;
                  delete)
                    echo "🔥  Deleting \\"minikube\\" in docker ..."
                    kubectl config delete-context minikube >/dev/null 2>&1
                    curl -sf -X DELETE "$API/api/v1/nodes/minikube" >/dev/null || true
                    echo "💀  Removed all traces of the \\"minikube\\" cluster." ;;
                  *) echo "minikube fixture: unsupported $*" >&2; exit 64 ;;
                esac""".formatted(cluster.url()));
        return tools;
    }
}
