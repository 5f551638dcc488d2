package io.kubelab.checks.testing;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mock API server as a process of its own, for benchmarks and end-to-end tests that need an
 * API the machine's kubectl and the test nodes can reach (a test fixture, never part of lab).
 *
 * Usage: MockClusterServer ADDRESS PORT KUBECONFIG [healthy [COUNT]]
 * Writes a kubeconfig for it, prints "ready URL", and serves until its stdin closes. With COUNT,
 * starts that many clusters (on free ports), KUBECONFIG's "{n}" replaced by 1..COUNT (a class of
 * learners, each with a cluster of their own), and prints "ready COUNT".
 */
public final class MockClusterServer {
    private MockClusterServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: MockClusterServer ADDRESS PORT KUBECONFIG [healthy [COUNT]]");
        }
        boolean healthy = args.length > 3 && args[3].equals("healthy");
        int count = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        List<MockCluster> clusters = new ArrayList<>();
        try {
            for (int i = 1; i <= Math.max(1, count); i++) {
                MockCluster cluster = MockCluster.start(InetAddress.getByName(args[0]),
                        count > 0 ? 0 : Integer.parseInt(args[1]));
                clusters.add(cluster);
                if (healthy) {
                    ClusterFixtures.healthy(cluster);
                }
                cluster.writeKubeconfig(Path.of(args[2].replace("{n}", String.valueOf(i))), "kubernetes-admin@kubernetes");
            }
            System.out.println("ready " + (count > 0 ? String.valueOf(count) : clusters.get(0).url()));
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until the parent closes our stdin (or kills us).
            }
        } finally {
            clusters.forEach(MockCluster::close);
        }
    }
}
