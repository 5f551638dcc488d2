package io.kubelab.checks.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture itself behaves like an API server where the checks and kubectl look. */
class MockClusterTest {

    @Test
    void storesNodesWithTheirStatus(@TempDir Path dir) throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            cluster.addNode("minikube", true, Map.of("node-role.kubernetes.io/control-plane", ""));
            var nodes = cluster.client().nodes().list().getItems();
            assertEquals(1, nodes.size());
            assertEquals("True", nodes.get(0).getStatus().getConditions().get(0).getStatus());
            assertEquals(MockCluster.VERSION, cluster.client().getKubernetesVersion().getGitVersion());
        }
    }

    @Test
    void machineKubectlListsNodes(@TempDir Path dir) throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            cluster.addNode("minikube", true, Map.of("node-role.kubernetes.io/control-plane", ""));
            cluster.addNode("worker", false, Map.of());
            Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "test");
            Process p = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "get", "nodes")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.matches("(?s).*minikube\\s+Ready\\s+control-plane.*"), out);
            assertTrue(out.matches("(?s).*worker\\s+NotReady\\s+<none>.*"), out);
        }
    }
}
