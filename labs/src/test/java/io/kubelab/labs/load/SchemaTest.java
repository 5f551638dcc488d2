package io.kubelab.labs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelab.checks.CheckRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published format cannot drift from the loader: the JSON Schema names exactly the keys and
 * check kinds the loader accepts, and the complete example in content/README.md is a valid lab.
 */
class SchemaTest {
    private static final JsonNode SCHEMA = JsonMapper.builder().build()
            .readTree(Path.of("..", "content", "lab.schema.json").toFile());

    private static Set<String> keys(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        properties.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void keysMatchTheLoader() {
        JsonNode defs = SCHEMA.get("$defs");
        assertEquals(new TreeSet<>(LabLoader.TOP_KEYS), keys(SCHEMA.get("properties")));
        assertEquals(new TreeSet<>(LabLoader.STEP_KEYS), keys(defs.get("step").get("properties")));
        assertEquals(new TreeSet<>(LabLoader.RUN_KEYS), keys(defs.get("runAction").get("properties")));
        assertEquals(new TreeSet<>(LabLoader.COPY_KEYS), keys(defs.get("copyAction").get("properties")));
        assertEquals(new TreeSet<>(LabLoader.COPY_FIELDS), keys(defs.get("copyAction").get("properties").get("copy")
                .get("properties")));
        assertEquals(new TreeSet<>(LabLoader.FETCH_KEYS), keys(defs.get("fetchAction").get("properties")));
        assertEquals(new TreeSet<>(LabLoader.FETCH_FIELDS), keys(defs.get("fetchAction").get("properties").get("fetch")
                .get("properties")));
        assertEquals(new TreeSet<>(LabLoader.CHECK_KEYS), keys(defs.get("check").get("properties")));
        assertEquals(new TreeSet<>(LabLoader.QUIZ_KEYS), keys(defs.get("quiz").get("properties")));
        assertEquals(new TreeSet<>(LabLoader.VARIABLE_KEYS), keys(defs.get("variable").get("properties")));
    }

    @Test
    void theReadmeExampleIsAValidLab(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("..", "content", "README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("\n```\n", start) + 1);
        Path lab = java.nio.file.Files.createDirectories(dir.resolve("hello-cluster/steps"));
        java.nio.file.Files.writeString(lab.resolveSibling("lab.yaml"), yaml);
        java.nio.file.Files.writeString(lab.resolve("look.md"), "# Look");
        java.nio.file.Files.writeString(lab.resolve("look.zh-CN.md"), "# 查看");
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of())).load(new DirectoryLabFiles(lab.getParent()));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void everyCheckKindsExampleIsValidInALab(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CheckRegistry registry = CheckRegistry.standard(Map.of());
        StringBuilder yaml = new StringBuilder("""
                format: 1
                id: examples
                title: {en: Examples, zh-CN: 示例}
                variables:
                  join_command: {secret: true}
                steps:
                  - id: all
                    title: {en: All, zh-CN: 全部}
                    checks:
                """);
        for (var kind : registry.all()) {
            String[] lines = kind.example().split("\n");
            yaml.append("      - ").append(lines[0]).append("\n");
            for (int i = 1; i < lines.length; i++) {
                yaml.append("        ").append(lines[i]).append("\n");
            }
        }
        Path lab = java.nio.file.Files.createDirectories(dir.resolve("examples"));
        java.nio.file.Files.writeString(lab.resolve("lab.yaml"), yaml.toString());
        LoadResult r = new LabLoader(registry).load(new DirectoryLabFiles(lab));
        assertEquals(List.of(), r.problems(), yaml.toString());
    }

    @Test
    void checkKindsMatchTheRegistry() {
        List<String> kinds = new ArrayList<>();
        SCHEMA.get("$defs").get("check").get("properties").get("kind").get("enum").forEach(k -> kinds.add(k.asString()));
        assertEquals(CheckRegistry.standard(Map.of()).names(), kinds);
    }
}
