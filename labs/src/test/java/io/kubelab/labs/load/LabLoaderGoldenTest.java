package io.kubelab.labs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each folder under invalid/ is a broken lab, and expected.txt beside it lists
 * every problem `lab validate` must report, exactly, with file:line:column.
 */
class LabLoaderGoldenTest {

    static Stream<Path> invalidLabs() throws IOException, URISyntaxException {
        Path root = Path.of(LabLoaderGoldenTest.class.getResource("/invalid").toURI());
        return Files.list(root).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLabs")
    void reportsEveryProblemWithItsLocation(Path folder) throws IOException {
        LoadResult r = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard()).load(new DirectoryLabFiles(folder));
        List<String> actual = r.problems().stream()
                .map(p -> p.toString().replace(folder + "/", "")).toList();
        List<String> expected = Files.readAllLines(folder.resolve("expected.txt")).stream()
                .filter(l -> !l.isBlank()).toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertTrue(r.hasErrors() || expected.stream().noneMatch(l -> l.contains(": error: ")));
        if (r.hasErrors()) {
            assertFalse(r.lab().isPresent(), "a lab with errors is not usable");
        }
    }
}
