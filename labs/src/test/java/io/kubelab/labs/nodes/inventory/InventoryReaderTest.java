package io.kubelab.labs.nodes.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryReaderTest {
    @TempDir
    Path dir;
    Path key;
    InventoryReader reader;

    @BeforeEach
    void setUp() throws Exception {
        key = Files.writeString(dir.resolve("id_ed25519"), "not read here");
        reader = new InventoryReader(dir, SshConfig.empty(dir), "learner");
    }

    static final String KUBESPRAY_YAML = """
            all:
              vars:
                ansible_user: root
              hosts:
                node1: {ansible_host: 10.10.0.11, ip: 10.10.0.11, ansible_ssh_private_key_file: %1$s}
                node2: {ansible_host: 10.10.0.12, ip: 10.10.0.12, ansible_port: 2222}
                node3: {ansible_host: 10.10.0.13, ip: 10.10.0.13, ansible_become: true}
              children:
                kube_control_plane:
                  hosts: {node1: {}}
                kube_node:
                  hosts: {node2: {}, node3: {}}
                etcd:
                  hosts: {node1: {}}
                k8s_cluster:
                  children: {kube_control_plane: {}, kube_node: {}}
            """;

    @Test
    void readsKubesprayYaml() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), KUBESPRAY_YAML.formatted(key));
        Inventory inv = reader.read(file);
        assertEquals(List.of("node1", "node2", "node3"), List.copyOf(inv.hosts().keySet()));
        assertEquals(List.of("node2", "node3"), inv.groups().get("kube_node"));
        assertEquals(List.of("node1", "node2", "node3"), inv.groups().get("k8s_cluster"));
        InventoryHost n1 = inv.hosts().get("node1");
        assertEquals("root@10.10.0.11:22", n1.target());
        assertEquals(key, n1.keyFile());
        assertEquals(2222, inv.hosts().get("node2").port());
        assertTrue(inv.hosts().get("node3").become());
        assertEquals("10.10.0.12", inv.hosts().get("node2").vars().get("ip"));
        assertEquals(List.of("node2", "node3"), inv.select("kube_node").stream().map(InventoryHost::name).toList());
        assertEquals(3, inv.select("all").size());
    }

    @Test
    void selectsPartsOfAGroupAsAnsibleDoes() throws Exception {
        Path file = Files.writeString(dir.resolve("ha.ini"), "[kube_control_plane]\ncp1\ncp2\ncp3\n");
        Inventory inv = reader.read(file);
        java.util.function.Function<String, List<String>> names = p -> inv.select(p).stream().map(InventoryHost::name)
                .toList();
        assertEquals(List.of("cp1"), names.apply("kube_control_plane[0]"));
        assertEquals(List.of("cp2", "cp3"), names.apply("kube_control_plane[1:]"));
        assertEquals(List.of("cp3"), names.apply("kube_control_plane[-1]"));
        assertEquals(List.of("cp1", "cp2"), names.apply("kube_control_plane[0:1]"));
        assertEquals(List.of(), names.apply("kube_control_plane[5]"));
    }

    @Test
    void readsIni() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.ini"), """
                # the same cluster, INI
                [kube_control_plane]
                node1 ansible_host=10.10.0.11 ansible_ssh_common_args='-o ProxyJump=bastion'

                [kube_node]
                node2 ansible_host=10.10.0.12 ansible_user=debian ansible_become=yes

                [k8s_cluster:children]
                kube_control_plane
                kube_node

                [all:vars]
                ansible_user=root
                """);
        Inventory inv = reader.read(file);
        assertEquals("root@10.10.0.11:22", inv.hosts().get("node1").target());
        assertEquals("bastion", inv.hosts().get("node1").proxyJump());
        assertEquals("debian", inv.hosts().get("node2").user(), "host vars win over group vars");
        assertTrue(inv.hosts().get("node2").become());
        assertEquals(List.of("node1", "node2"), inv.groups().get("k8s_cluster"));
    }

    @Test
    void aHostAliasIsResolvedThroughSshConfig() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), """
                Host cp-*
                  User admin
                  IdentityFile ~/id_ed25519
                  ProxyJump bastion.example.org
                Host cp-1
                  HostName 192.0.2.21
                  Port 2201
                Host *
                  User nobody
                """);
        InventoryReader r = new InventoryReader(dir, SshConfig.read(config, dir), "learner");
        Path file = Files.writeString(dir.resolve("hosts.ini"), "[kube_control_plane]\ncp-1\n");
        InventoryHost h = r.read(file).hosts().get("cp-1");
        assertEquals("admin@192.0.2.21:2201", h.target());
        assertEquals(dir.resolve("id_ed25519"), h.keyFile());
        assertEquals("bastion.example.org", h.proxyJump());
    }

    @Test
    void everyProblemHasItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                all:
                  hosts:
                    node1: {ansible_host: 10.0.0.1, ansible_usr: root}
                    node2: {ansible_host: 10.0.0.2, ansible_ssh_private_key_file: ~/missing_key}
                  children:
                    kube_node:
                      hosts: {node1: {}, node3: {}}
                    k8s_cluster:
                      children: {kube_nodes: {}}
                """);
        InventoryException e = assertThrows(InventoryException.class, () -> reader.read(file));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).collect(Collectors.toList());
        assertEquals(List.of(
                "bad.yaml:3:37: error: unknown variable 'ansible_usr' for host 'node1'; did you mean 'ansible_user'?",
                "bad.yaml:4:37: error: the key file missing_key of host 'node2' does not exist; "
                        + "fix the path or create the key with ssh-keygen",
                "bad.yaml:7:26: error: group 'kube_node' names host 'node3', which is not under all: hosts:; add it there "
                        + "or fix the name; did you mean 'node1'?",
                "bad.yaml:9:18: error: group 'k8s_cluster' names group 'kube_nodes', which is not defined; define it or "
                        + "fix the name; did you mean 'kube_node'?"), lines);
    }

    @Test
    void iniSyntaxErrorsHaveTheirLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.ini"), "[kube_node\nnode[3:1]\n[x:things]\n");
        InventoryException e = assertThrows(InventoryException.class, () -> reader.read(file));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().endsWith("bad.ini:1:1: error: a section header looks like [group], "
                + "[group:children] or [group:vars]"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.ini:2:1: error: host 'node[3:1]': [3:1] is empty: its start is after its end"),
                e.getMessage());
    }

    /** A host line of only quotes has no host name: said with its line, not an IndexOutOfBoundsException. */
    @Test
    void aHostLineOfOnlyQuotesIsAProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("quotes.ini"), "[kube_node]\nnode1\n''\n");
        InventoryException e = assertThrows(InventoryException.class, () -> reader.read(file));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("quotes.ini:3:1: error: a host line starts with the host's name"), e.getMessage());
    }

    @Test
    void thePasswordIsNeverInTheHostsText() throws Exception {
        Path file = Files.writeString(dir.resolve("h.ini"), "[kube_node]\nnode1 ansible_host=10.0.0.1 ansible_password=s3cret!\n");
        InventoryHost h = reader.read(file).hosts().get("node1");
        assertEquals("s3cret!", h.password());
        assertFalse(h.toString().contains("s3cret"));
        assertNull(h.keyFile());
    }

    @Test
    void ansibleReadsTheSameFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-inventory")), "ansible-inventory is not installed");
        Path file = Files.writeString(dir.resolve("hosts.yaml"), KUBESPRAY_YAML.formatted(key));
        Process p = new ProcessBuilder("ansible-inventory", "-i", file.toString(), "--list")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        tools.jackson.databind.JsonNode doc = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out);
        assertEquals("[\"node2\",\"node3\"]", doc.get("kube_node").get("hosts").toString());
        assertEquals("10.10.0.11", doc.get("_meta").get("hostvars").get("node1").get("ansible_host").asString());
    }
}
