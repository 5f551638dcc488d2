package io.kubelab.labs.nodes.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every inventory of the corpus (src/test/resources/inventories) is read by lab and by
 * `ansible-inventory --list`, and both must see the same hosts, the same members of each group,
 * the same address, port and user of each host, and the same value of every other variable:
 * precedence of group variables, host ranges, host:port, aliases, YAML without an extension.
 * Debian's ansible is installed by .ci/run.
 */
class AsAnsibleReadsThemTest {
    private static final Path CORPUS = Path.of("src/test/resources/inventories");

    @TempDir
    Path dir;

    static Stream<String> corpus() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void labSeesWhatAnsibleSees(String name) throws Exception {
        Path file = CORPUS.resolve(name);
        Inventory lab = new InventoryReader(dir, SshConfig.empty(dir), "learner").read(file);
        Process p = new ProcessBuilder("ansible-inventory", "-i", file.toString(), "--list").start();
        JsonNode ansible = JsonMapper.builder().build().readTree(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));

        Set<String> ansibleHosts = new TreeSet<>();
        Map<String, Set<String>> ansibleGroups = new TreeMap<>();
        for (var g : ansible.properties()) {
            if (!g.getKey().equals("_meta")) {
                ansibleGroups.put(g.getKey(), members(ansible, g.getKey()));
                ansibleHosts.addAll(members(ansible, g.getKey()));
            }
        }
        assertEquals(ansibleHosts, new TreeSet<>(lab.hosts().keySet()), name + ": hosts");
        for (Map.Entry<String, Set<String>> g : ansibleGroups.entrySet()) {
            if (g.getKey().equals("all") || g.getKey().equals("ungrouped")) {
                continue;
            }
            assertEquals(g.getValue(), new TreeSet<>(lab.groups().get(g.getKey())), name + ": group " + g.getKey());
        }
        JsonNode hostvars = ansible.path("_meta").path("hostvars");
        for (InventoryHost h : lab.hosts().values()) {
            JsonNode v = hostvars.path(h.name());
            String where = name + ": host " + h.name();
            assertEquals(first(v, h.name(), "ansible_host", "ansible_ssh_host"), h.address(), where + " address");
            assertEquals(first(v, "22", "ansible_port", "ansible_ssh_port"), String.valueOf(h.port()), where + " port");
            assertEquals(first(v, "learner", "ansible_user", "ansible_ssh_user"), h.user(), where + " user");
            List<String> others = new ArrayList<>();
            v.properties().forEach(e -> others.add(e.getKey()));
            for (String key : others) {
                if (!key.startsWith("ansible_")) {
                    assertEquals(v.get(key).asString(), h.vars().get(key), where + " variable " + key);
                }
            }
        }
    }

    private static Set<String> members(JsonNode ansible, String group) {
        Set<String> out = new TreeSet<>();
        ansible.path(group).path("hosts").forEach(h -> out.add(h.asString()));
        ansible.path(group).path("children").forEach(c -> out.addAll(members(ansible, c.asString())));
        return out;
    }

    private static String first(JsonNode vars, String otherwise, String... keys) {
        for (String k : keys) {
            if (vars.has(k)) {
                return vars.get(k).asString();
            }
        }
        return otherwise;
    }

    /** Where Ansible refuses a file or lab cannot use what it says, lab says what is wrong at its line. */
    @Test
    void whatCannotBeUsedIsRefusedWithItsLine() throws Exception {
        Path cycle = Files.writeString(dir.resolve("cycle.ini"), "[a:children]\nb\n[b:children]\na\n[a]\nh1\n");
        InventoryException e = assertThrows(InventoryException.class,
                () -> new InventoryReader(dir, SshConfig.empty(dir), "learner").read(cycle));
        assertTrue(e.getMessage().contains("cycle.ini:1:1: error: group 'a' contains itself: a > b > a"), e.getMessage());

        Path port = Files.writeString(dir.resolve("port.yaml"), "all:\n  hosts:\n    n1:\n      ansible_port: 99999\n");
        e = assertThrows(InventoryException.class, () -> new InventoryReader(dir, SshConfig.empty(dir), "learner").read(port));
        assertTrue(e.getMessage().contains("port.yaml:4:7: error: ansible_port of 'n1' must be a TCP port (1-65535), "
                + "not '99999'"), e.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.ini"), "# nothing yet\n");
        e = assertThrows(InventoryException.class, () -> new InventoryReader(dir, SshConfig.empty(dir), "learner").read(empty));
        assertTrue(e.getMessage().contains("the inventory has no hosts"), e.getMessage());
    }

    @Test
    void optionsThatDoNotApplyAreNotedAndKnownHostsFilesAreRead() throws Exception {
        Path file = Files.writeString(dir.resolve("opts.ini"), """
                n1 ansible_host=::1 ansible_port=2222 ansible_timeout=3 ansible_pipelining=true
                [all:vars]
                ansible_ssh_common_args='-o UserKnownHostsFile=~/lab_known_hosts -o StrictHostKeyChecking=no'
                """);
        Inventory inv = new InventoryReader(dir, SshConfig.empty(dir), "learner").read(file);
        InventoryHost n1 = inv.hosts().get("n1");
        assertEquals("learner@[::1]:2222", n1.target());
        assertEquals(java.time.Duration.ofSeconds(3), n1.connectTimeout());
        assertEquals(List.of(dir.resolve("lab_known_hosts")), n1.knownHosts());
        assertEquals(List.of("ansible_pipelining is read but does not apply: lab runs commands over its own SSH connection",
                "ssh option StrictHostKeyChecking in ansible_ssh_common_args does not apply: lab always checks host keys"),
                inv.notes());
    }
}
