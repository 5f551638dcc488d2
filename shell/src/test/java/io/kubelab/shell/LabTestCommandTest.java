package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * `lab test` on the bundled minikube lab (test-fixture minikube and docker, a mock API server),
 * and on broken copies of it: a check that already passes before its step, and a step whose
 * actions do not make its checks pass, each reported by name.
 */
class LabTestCommandTest {
    @TempDir
    Path home;
    MockCluster cluster;
    ShellRun lab;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.start();
        FakeTools tools = MinikubeFixture.install(home, cluster);
        lab = new ShellRun(home).env("PATH", tools.path());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void theMinikubeLabPassesFromBothSides() throws Exception {
        ShellRun.Result r = lab.run("test", "minikube");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("✓ start · before  3 checks do not pass yet"), r.out());
        assertTrue(lines.contains("✓ explore · before  0 checks do not pass yet; 2 prerequisites may"), r.out());
        assertTrue(lines.contains("- prerequisites · before  the learner does this step by hand: nothing lab runs makes "
                + "its checks pass"), r.out());
        assertTrue(lines.contains("✓ question · wrong answer  graded wrong: a"), r.out());
        assertTrue(lines.contains("✓ question · right answer  graded right: b"), r.out());
        assertTrue(lines.contains("✓ teardown · after  1 checks pass"), r.out());
        assertTrue(r.out().endsWith("lab test minikube: passed (15 phases of 6 steps).\n"), r.out());
        // The author's own progress is neither read nor written, and the test's state is gone.
        assertFalse(Files.exists(home.resolve("state/kubelab/progress/minikube.json")));
        try (Stream<Path> left = Files.list(home.resolve("state/kubelab/tests"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void brokenContentIsReportedByName() throws Exception {
        Path copy = copyOfMinikube();
        Path yaml = copy.resolve("lab.yaml");
        String original = Files.readString(yaml);
        // 1. The API check no longer says it is a prerequisite of exploring: it passes before its step.
        String text = original.replace("kind: api-reachable\n        prerequisite: true\n", "kind: api-reachable\n");
        assertTrue(!text.equals(original));
        Files.writeString(yaml, text);
        ShellRun.Result early = lab.run("test", copy.toString());
        assertEquals(1, early.exit(), early.toString());
        assertTrue(early.out().contains("✗ explore · before  passes before the step runs: api (a check the step relies on "
                + "rather than makes true is marked prerequisite: true)"), early.out());

        // 2. The start step no longer starts the cluster: its checks do not pass after it, named with what they saw.
        Files.writeString(yaml, original.replaceFirst("- run: minikube start[^\\n]*", "- run: minikube version"));
        ShellRun.Result after = lab.run("test", copy.toString(), "--to", "explore");
        assertEquals(1, after.exit(), after.toString());
        assertTrue(after.out().lines().anyMatch(l -> l.startsWith("✗ start · after  does not pass after the step ran: ")
                && l.contains("context (")), after.out());
        assertFalse(after.out().contains("explore ·"), "a step that failed stops the test: " + after.out());
        assertTrue(after.err().contains("transcripts"), "the kept state says where the commands' output is");
    }

    @Test
    void junitFromAndToAndKeep() throws Exception {
        ShellRun.Result r = lab.run("test", "minikube", "--from", "start", "--to", "explore", "--keep", "-o", "junit");
        assertEquals(0, r.exit(), r.toString());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.out().getBytes()));
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            names.add(e.getAttribute("classname") + "/" + e.getAttribute("name"));
        }
        assertEquals(List.of("minikube.start/before", "minikube.start/run", "minikube.start/after",
                "minikube.explore/before", "minikube.explore/run", "minikube.explore/after"), names);
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        // --keep: no teardown ran, the cluster's context is still there, and the state is kept.
        assertTrue(r.err().contains("state/kubelab/tests/minikube-"), r.err());
        ShellRun.Result bad = lab.run("test", "minikube", "--from", "explore", "--to", "start");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--from explore comes after --to start"), bad.toString());
        ShellRun.Result unknown = lab.run("test", "minikube", "--from", "nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("lab 'minikube' has no step 'nope'; its steps are: install, prerequisites"),
                unknown.toString());
        ShellRun.Result json = lab.run("test", "minikube", "-o", "json");
        assertTrue(json.exit() == 2 && json.err().contains("-o json is not available for this command"), json.toString());
        ShellRun.Result zh = lab.run("test", "minikube", "--from", "explore", "--to", "start", "--lang", "zh-CN");
        assertTrue(zh.err().contains("在实验 'minikube' 中，--from explore 在 --to start 之后"), zh.toString());
    }

    /** A lab tested in parts in one state folder the author names: a part that cannot run here can be left out. */
    @Test
    void inOneFolderInParts() throws Exception {
        Path folder = home.resolve("minikube-test");
        ShellRun.Result first = lab.run("test", "minikube", "--to", "start", "--in", folder.toString());
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().endsWith("lab test minikube: passed (7 phases of 3 steps).\n"), first.out());
        assertTrue(Files.isRegularFile(folder.resolve("progress/minikube.json")), "kept, the folder is named");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        ShellRun.Result rest = lab.run("test", "minikube", "--from", "explore", "--in", folder.toString());
        assertEquals(0, rest.exit(), rest.toString());
        assertTrue(rest.out().lines().toList().contains("✓ teardown · after  1 checks pass"), rest.out());
        assertTrue(Files.readString(folder.resolve("progress/minikube.json")).contains("\"teardown\""),
                "the second part wrote its progress where the first did");

        // Never a folder that is something else's: one line each, and nothing written in it.
        Path notes = Files.createDirectories(home.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "mine\n");
        ShellRun.Result other = lab.run("test", "minikube", "--in", notes.toString());
        assertEquals(2, other.exit(), other.toString());
        assertEquals("lab: --in " + notes + " holds other files and no test's state (progress/); name a new folder "
                + "or one lab test --keep left\n", other.err());
        try (Stream<Path> in = Files.list(notes)) {
            assertEquals(1, in.count());
        }
        ShellRun.Result file = lab.run("test", "minikube", "--in", notes.resolve("todo.txt").toString(), "--lang", "zh-CN");
        assertEquals(2, file.exit(), file.toString());
        assertTrue(file.err().contains("是一个文件；请给出一个文件夹（新的，或 lab test --keep 留下的）"), file.toString());
    }

    private Path copyOfMinikube() throws Exception {
        Path source = Path.of("..", "content", "src", "main", "resources", "labs", "minikube");
        Path target = home.resolve("broken/minikube");
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }
}
