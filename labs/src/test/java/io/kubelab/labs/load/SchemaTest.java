package io.kubelab.labs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionKind;
import io.kubelab.labs.actions.ActionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The published format cannot drift from the code: the JSON Schema names exactly the keys the
 * readers accept, its action and check definitions are generated from the registries, and every
 * example (the README's lab, each check kind's, each action kind's) loads as a valid lab.
 */
class SchemaTest {
    private static final Path SCHEMA_FILE = Path.of("..", "content", "lab.schema.json");
    private static final JsonNode SCHEMA = LabSchema.JSON.readTree(SCHEMA_FILE.toFile());
    private static final CheckRegistry CHECKS = CheckRegistry.standard(Map.of());
    private static final ActionRegistry ACTIONS = ActionRegistry.standard();

    private static Set<String> keys(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        properties.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void keysMatchTheReaders() {
        JsonNode defs = SCHEMA.get("$defs");
        assertEquals(new TreeSet<>(LabLoader.TOP_KEYS), keys(SCHEMA.get("properties")));
        assertEquals(new TreeSet<>(StepsReader.KEYS), keys(defs.get("step").get("properties")));
        assertEquals(new TreeSet<>(ChecksReader.KEYS), keys(defs.get("check").get("properties")));
        assertEquals(new TreeSet<>(QuizReader.KEYS), keys(defs.get("quiz").get("properties")));
        assertEquals(new TreeSet<>(VariablesReader.KEYS), keys(defs.get("variable").get("properties")));
    }

    /**
     * The action and check definitions are what the registries say. After adding a kind, write them
     * with: mvn -pl labs test -Dtest=SchemaTest -Dkubelab.schema.write=true (then review the diff).
     */
    @Test
    void generatedDefinitionsMatchTheRegistries() throws Exception {
        JsonNode generated = LabSchema.regenerate(SCHEMA, CHECKS, ACTIONS);
        if (Boolean.getBoolean("kubelab.schema.write")) {
            Files.writeString(SCHEMA_FILE, LabSchema.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(generated) + "\n");
        }
        Set<String> stale = new TreeSet<>();
        generated.get("$defs").propertyNames().forEach(name -> {
            if (!generated.get("$defs").get(name).equals(SCHEMA.get("$defs").get(name))) {
                stale.add(name);
            }
        });
        SCHEMA.get("$defs").propertyNames().forEach(name -> {
            if (!generated.get("$defs").has(name)) {
                stale.add(name);
            }
        });
        assertEquals(Set.of(), stale, "content/lab.schema.json is behind the registries in these definitions; "
                + "regenerate it: mvn -pl labs test -Dtest=SchemaTest -Dkubelab.schema.write=true");
        assertEquals(generated, SCHEMA);
    }

    @Test
    void theReadmeExampleIsAValidLab(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "content", "README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("\n```\n", start) + 1);
        Path lab = Files.createDirectories(dir.resolve("hello-cluster/steps"));
        Files.writeString(lab.resolveSibling("lab.yaml"), yaml);
        Files.writeString(lab.resolve("look.md"), "# Look");
        Files.writeString(lab.resolve("look.zh-CN.md"), "# 查看");
        LoadResult r = new LabLoader(CHECKS, ACTIONS).load(new DirectoryLabFiles(lab.getParent()));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void everyCheckKindsExampleIsValidInALab(@TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder(header("checks"));
        for (var kind : CHECKS.all()) {
            item(yaml, kind.example());
        }
        assertLoadsClean(dir, yaml.toString());
    }

    @Test
    void everyActionKindsExampleIsValidInALab(@TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder(header("actions"));
        for (ActionKind kind : ACTIONS.all()) {
            item(yaml, kind.example());
        }
        assertLoadsClean(dir, yaml.toString());
    }

    private static String header(String list) {
        return """
                format: 1
                id: examples
                title: {en: Examples, zh-CN: 示例}
                variables:
                  join_command: {secret: true}
                  pod_cidr: 10.244.0.0/16
                  cluster: kubelab
                  zone: us-central1-a
                  project: kubelab-class
                steps:
                  - id: all
                    title: {en: All, zh-CN: 全部}
                    confirm: {en: This creates a cluster that costs money. Continue?, zh-CN: 这会创建一个收费的集群。是否继续？}
                    %s:
                """.formatted(list);
    }

    /** One example as an item of the step's list. */
    private static void item(StringBuilder yaml, String example) {
        String[] lines = example.split("\n");
        yaml.append("      - ").append(lines[0]).append("\n");
        for (int i = 1; i < lines.length; i++) {
            yaml.append("        ").append(lines[i]).append("\n");
        }
    }

    private static void assertLoadsClean(Path dir, String yaml) throws Exception {
        Path lab = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(lab.resolve("lab.yaml"), yaml);
        LoadResult r = new LabLoader(CHECKS, ACTIONS).load(new DirectoryLabFiles(lab));
        assertEquals(List.of(), r.problems(), yaml);
    }
}
