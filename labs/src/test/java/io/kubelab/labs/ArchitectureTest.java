package io.kubelab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kubelab.checks.testing.PackageGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine's layering, from its compiled classes and its sources. */
class ArchitectureTest {
    private static final PackageGraph LABS = PackageGraph.of("io.kubelab.labs");

    @Test
    void noPackagesUseEachOtherInALoop() {
        assertEquals(List.of(), LABS.cycles());
        // The graph is read, not empty: the nodes use their SSH layer, and the SSH layer never the nodes.
        assertFalse(LABS.uses("io.kubelab.labs.nodes", "io.kubelab.labs.nodes.ssh").isEmpty());
        assertEquals(List.of(), LABS.uses("io.kubelab.labs.nodes.ssh", "io.kubelab.labs.run"));
    }

    /** Maven's build folder is called target, and tools that skip build output would skip the package too. */
    @Test
    void noPackageIsNamedTarget() {
        assertFalse(LABS.packages().stream().anyMatch(p -> p.equals("target") || p.endsWith(".target")),
                LABS.packages().toString());
        assertFalse(LABS.packages().isEmpty());
    }

    /** The action registry is the only list of action kinds: nothing else asks which kind an action is. */
    @Test
    void onlyTheActionKindsThemselvesKnowWhichKindAnActionIs() throws IOException {
        Pattern kindTest = Pattern.compile("instanceof\\s+(RunAction|CopyAction|FetchAction)\\b|\\((RunAction|CopyAction|FetchAction)\\)");
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            found = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/actions/"))
                    .flatMap(f -> {
                        try {
                            Matcher m = kindTest.matcher(Files.readString(f));
                            return m.find() ? Stream.of(f + ": " + m.group()) : Stream.empty();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertEquals(List.of(), found);
    }
}
