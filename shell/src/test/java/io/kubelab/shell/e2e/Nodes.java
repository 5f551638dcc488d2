package io.kubelab.shell.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real OpenSSH nodes that e2e/nodes.sh started (in network namespaces on a bridge), for the
 * end-to-end tests: their addresses, the key that logs in, their host keys, and ways to reach
 * them with the machine's own ssh and to stop and start them.
 */
final class Nodes {
    final Path state = Path.of(System.getenv().getOrDefault("KUBELAB_E2E", "/var/lib/kubelab-e2e"));
    final Path script = Path.of(System.getProperty("user.dir")).resolve("../e2e/nodes.sh").normalize();

    Nodes() throws IOException {
        if (!Files.exists(state.resolve("count"))) {
            throw new IllegalStateException("no e2e nodes are up: run e2e/run.sh (or e2e/nodes.sh up 3 as root) first");
        }
    }

    int count() throws IOException {
        return Integer.parseInt(Files.readString(state.resolve("count")).strip());
    }

    static String ip(int i) {
        return "10.77.0." + (10 + i);
    }

    Path key() {
        return state.resolve("id_ed25519");
    }

    Path knownHosts() {
        return state.resolve("known_hosts");
    }

    /** An inventory in kubespray's shape: node1 the control plane, the others workers. */
    Path writeInventory(Path file) throws IOException {
        StringBuilder y = new StringBuilder("all:\n  vars:\n    ansible_user: root\n    ansible_ssh_private_key_file: ")
                .append(key()).append("\n  hosts:\n");
        for (int i = 1; i <= count(); i++) {
            y.append("    node").append(i).append(": {ansible_host: ").append(ip(i)).append(", ip: ").append(ip(i))
                    .append("}\n");
        }
        y.append("  children:\n    kube_control_plane:\n      hosts: {node1: {}}\n    etcd:\n      hosts: {node1: {}}\n")
                .append("    kube_node:\n      hosts:\n");
        for (int i = 2; i <= count(); i++) {
            y.append("        node").append(i).append(": {}\n");
        }
        y.append("    k8s_cluster:\n      children: {kube_control_plane: {}, kube_node: {}}\n");
        return Files.writeString(file, y.toString());
    }

    /** A home folder whose ~/.ssh/known_hosts knows the nodes, as a learner's would after first contact. */
    Path home(Path dir) throws IOException {
        Path ssh = Files.createDirectories(dir.resolve(".ssh"));
        Files.copy(knownHosts(), ssh.resolve("known_hosts"));
        return dir;
    }

    /** Runs a command on node i with the machine's OpenSSH client, not with lab. */
    String ssh(int i, String command) throws Exception {
        Process p = new ProcessBuilder(List.of("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts(), "-o", "ConnectTimeout=5", "-i", key().toString(),
                "root@" + ip(i), command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh node" + i + " `" + command + "` failed: " + out);
        }
        return out;
    }

    void swapOn(int i) throws Exception {
        run(script.toString(), "swap-on", String.valueOf(i));
    }

    void swapOff(int i) throws Exception {
        run(script.toString(), "swap-off", String.valueOf(i));
    }

    /** Node i stops answering: its port 22 drops every packet (sshd keeps running; nothing is refused). */
    void silence(int i) throws Exception {
        run("ip", "netns", "exec", "kl-node" + i, "iptables", "-I", "INPUT", "-p", "tcp", "--dport", "22", "-j", "DROP");
    }

    void unsilence(int i) throws Exception {
        run("ip", "netns", "exec", "kl-node" + i, "iptables", "-D", "INPUT", "-p", "tcp", "--dport", "22", "-j", "DROP");
    }

    void stop(int i) throws Exception {
        run(script.toString(), "stop", String.valueOf(i));
    }

    void start(int i) throws Exception {
        run(script.toString(), "start", String.valueOf(i));
    }

    private void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
