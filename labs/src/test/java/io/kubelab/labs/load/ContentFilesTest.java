package io.kubelab.labs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.actions.RunAction;
import io.kubelab.labs.yaml.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content that is not UTF-8, not readable, not a file, too large, or full of control characters
 * is a problem at its location — never an internal error, never a hang.
 */
class ContentFilesTest {
    private static final String LAB = """
            format: 1
            id: demo
            title: {en: Demo, zh-CN: 演示}
            steps:
              - id: one
                title: {en: One, zh-CN: 一}
                text: steps/one.md
                actions:
                  - run: echo hi
            """;

    @TempDir
    Path dir;

    private Path lab(String yaml) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("demo"));
        Files.createDirectories(folder.resolve("steps"));
        Files.writeString(folder.resolve("lab.yaml"), yaml);
        Files.writeString(folder.resolve("steps/one.md"), "# One\n");
        Files.writeString(folder.resolve("steps/one.zh-CN.md"), "# 一\n");
        return folder;
    }

    private static LoadResult load(LabFiles files) {
        return new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard()).load(files);
    }

    private static Problem only(LoadResult r, Problem.Severity severity) {
        List<Problem> found = r.problems().stream().filter(p -> p.severity() == severity).toList();
        assertEquals(1, found.size(), r.problems().toString());
        return found.get(0);
    }

    @Test
    void aLatin1ManifestIsAnErrorAtTheByte() throws Exception {
        Path folder = lab(LAB);
        Files.write(folder.resolve("lab.yaml"), (LAB + "# café\n").getBytes(StandardCharsets.ISO_8859_1));
        LoadResult r = load(new DirectoryLabFiles(folder));
        Problem p = only(r, Problem.Severity.ERROR);
        assertTrue(r.lab().isEmpty());
        assertEquals(10, p.location().line(), p.toString());
        assertEquals(6, p.location().column(), p.toString());
        assertTrue(p.message().contains("not UTF-8 (byte 0xe9)"), p.message());
    }

    @Test
    void aLatin1StepTextIsAnErrorInThatFile() throws Exception {
        Path folder = lab(LAB);
        Files.write(folder.resolve("steps/one.md"), "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Problem p = only(load(new DirectoryLabFiles(folder)), Problem.Severity.ERROR);
        assertTrue(p.location().file().endsWith("steps/one.md"), p.toString());
        assertEquals(1, p.location().line());
    }

    @Test
    void aFolderOrAFifoWhereAFileShouldBeIsRefusedAtOnce() throws Exception {
        Path folder = lab(LAB);
        Files.delete(folder.resolve("steps/one.md"));
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("steps/one.md").toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        Problem p = only(load(new DirectoryLabFiles(folder)), Problem.Severity.ERROR);
        assertTrue(p.message().contains("not a regular file"), p.toString());

        Files.delete(folder.resolve("lab.yaml"));
        Files.createDirectory(folder.resolve("lab.yaml"));
        assertTrue(only(load(new DirectoryLabFiles(folder)), Problem.Severity.ERROR).message().contains("not a regular file"));
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingItAll() throws Exception {
        Path folder = lab(LAB);
        Files.write(folder.resolve("steps/one.md"), new byte[ContentText.MAX_BYTES + 10]);
        Problem p = only(load(new DirectoryLabFiles(folder)), Problem.Severity.ERROR);
        assertTrue(p.message().contains("larger than 4 MiB"), p.toString());
    }

    @Test
    void anUnreadableFileSaysHowToFixIt() {
        LabFiles denied = new LabFiles() {
            @Override
            public Optional<byte[]> bytes(String relativePath, int limit) throws IOException {
                throw new AccessDeniedException(relativePath);
            }

            @Override
            public String display(String relativePath) {
                return "demo/" + relativePath;
            }

            @Override
            public String folderName() {
                return "demo";
            }
        };
        Problem p = only(load(denied), Problem.Severity.ERROR);
        assertEquals("demo/lab.yaml: error: cannot read it: permission denied; make it readable (chmod a+r demo/lab.yaml)",
                p.toString());
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreNotContent() throws Exception {
        Path folder = lab(LAB);
        Files.writeString(folder.resolve("lab.yaml"), "\uFEFF" + LAB.replace("\n", "\r\n"));
        Files.writeString(folder.resolve("steps/one.md"), "# One\r\n\r\nText.\r\n");
        LoadResult r = load(new DirectoryLabFiles(folder));
        assertEquals(List.of(), r.problems());
        assertEquals("# One\n\nText.\n", r.lab().orElseThrow().steps().get(0).body().in("en"));
    }

    @Test
    void controlCharactersAreWarnedAtEachPlaceAndKeptAsWritten() throws Exception {
        Path folder = lab("""
                format: 1
                id: demo
                title: {en: "Demo\\e]0;pwned\\a", zh-CN: 演示}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    text: steps/one.md
                    actions:
                      - run: "touch /tmp/x #\\r\\e[2K echo hello"
                """);
        Files.writeString(folder.resolve("steps/one.md"), "# One\n\nfine line\nclear \u001b[2J here\n\u202eevil\n");
        LoadResult r = load(new DirectoryLabFiles(folder));
        List<String> warnings = r.problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING)
                .map(Problem::toString).toList();
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).matches(".*lab.yaml:3:\\d+: warning: control character \\\\e: .*"), warnings.get(0));
        assertTrue(warnings.get(1).matches(".*lab.yaml:9:\\d+: warning: control character \\\\r: .*"), warnings.get(1));
        assertTrue(warnings.get(2).contains("one.md:4:7: warning: control character \\e"), warnings.get(2));
        assertTrue(warnings.get(3).contains("one.md:5:1: warning: control character \\u202e"), warnings.get(3));
        // A warning, not a change: what runs is what the author wrote.
        RunAction run = (RunAction) r.lab().orElseThrow().steps().get(0).actions().get(0);
        assertEquals("touch /tmp/x #\r\u001b[2K echo hello", run.command());
    }
}
