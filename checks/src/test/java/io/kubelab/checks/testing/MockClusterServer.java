package io.kubelab.checks.testing;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * The mock API server as a process of its own, for benchmarks and end-to-end tests that need an
 * API the machine's kubectl and the test nodes can reach (a test fixture, never part of lab).
 *
 * Usage: MockClusterServer ADDRESS PORT KUBECONFIG [healthy]
 * Writes a kubeconfig for it, prints "ready URL", and serves until its stdin closes.
 */
public final class MockClusterServer {
    private MockClusterServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: MockClusterServer ADDRESS PORT KUBECONFIG [healthy]");
        }
        try (MockCluster cluster = MockCluster.start(InetAddress.getByName(args[0]), Integer.parseInt(args[1]))) {
            if (args.length > 3 && args[3].equals("healthy")) {
                ClusterFixtures.healthy(cluster);
            }
            cluster.writeKubeconfig(Path.of(args[2]), "kubernetes-admin@kubernetes");
            System.out.println("ready " + cluster.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until the parent closes our stdin (or kills us).
            }
        }
    }
}
