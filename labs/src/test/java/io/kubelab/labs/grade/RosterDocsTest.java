package io.kubelab.labs.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kubelab.labs.nodes.inventory.InventoryReader;
import io.kubelab.labs.nodes.inventory.SshConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The roster's documentation and schema cannot drift from the reader: same keys, and the example reads. */
class RosterDocsTest {
    private static final Path DOCS = Path.of("..", "docs");

    @TempDir
    Path dir;

    private static Set<String> keys(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        properties.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void theSchemaNamesExactlyTheKeysTheReaderAccepts() {
        JsonNode schema = JsonMapper.builder().build().readTree(DOCS.resolve("roster.schema.json").toFile());
        assertEquals(new TreeSet<>(RosterReader.TOP_KEYS), keys(schema.get("properties")));
        assertEquals(new TreeSet<>(RosterReader.LEARNER_KEYS), keys(schema.get("$defs").get("learner").get("properties")));
        assertEquals(RosterReader.ID.pattern(), schema.get("$defs").get("learner").get("properties").get("id")
                .get("pattern").asString().replaceAll("^\\^|\\$$", ""));
    }

    @Test
    void theDocumentedExampleReadsAsDocumented() throws Exception {
        String md = Files.readString(DOCS.resolve("roster.md"));
        String yaml = md.substring(md.indexOf("```yaml\n") + 8, md.indexOf("```", md.indexOf("```yaml\n") + 8));
        Path roster = Files.writeString(dir.resolve("roster.yaml"), yaml);
        Roster r = new RosterReader(new InventoryReader(dir, SshConfig.read(dir.resolve("none"), dir), "root"))
                .read(roster);
        assertEquals(70, r.passMark());
        assertEquals("Kubernetes class, December 2026", r.title());
        Learner alice = r.learners().get(0);
        assertEquals(dir.resolve("alice/hosts.yaml"), alice.inventoryFile());
        assertEquals("instructor@bastion.example.org:22", alice.jump());
        Learner bo = r.learners().get(1);
        assertEquals(java.util.List.of("cp1"), bo.inventory().groups().get("kube_control_plane"));
        assertNull(bo.jump(), "jump: null is none, whatever the class's is");
        assertEquals(Map.of("pod_cidr", "192.168.0.0/16"), bo.values());
    }
}
