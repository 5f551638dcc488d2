package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.shell.ShellRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner's progress survives a second lab process, a damaged file, a state folder lab may not
 * write, and a lab from a folder that has a bundled lab's id.
 */
class ProgressSurvivesTest {
    @TempDir
    Path home;

    private Result lab(String... args) {
        return new ShellRun(home).run(args);
    }

    private Path twoStepLab() throws Exception {
        Path labDir = Files.createDirectories(home.resolve("two"));
        Files.writeString(labDir.resolve("lab.yaml"), """
                format: 1
                id: two
                title: {en: Two, zh-CN: 二}
                steps:
                  - id: slow
                    title: {en: Slow, zh-CN: 慢}
                    actions:
                      - run: sleep 3; touch {{lab.workdir}}/slow
                    checks:
                      - {id: slow, kind: file, with: {path: "{{lab.workdir}}/slow"}}
                  - id: fast
                    title: {en: Fast, zh-CN: 快}
                    actions:
                      - run: touch {{lab.workdir}}/fast
                    checks:
                      - {id: fast, kind: file, with: {path: "{{lab.workdir}}/fast"}}
                """);
        return labDir;
    }

    @Test
    void twoProcessesFinishingDifferentStepsAreBothRecorded() throws Exception {
        Path labDir = twoStepLab();
        // A second, real lab process runs the slow step (it read the progress when it started) ...
        Process other = new ShellRun(home).start(home.resolve("lab.out"), "run", labDir.toString(), "slow");
        Thread.sleep(1500);
        // ... while this one finishes the fast step and writes its record first.
        Result fast = lab("run", labDir.toString(), "fast");
        assertEquals(0, fast.exit(), fast.toString());
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, other.exitValue(), Files.readString(home.resolve("lab.out")));

        JsonNode status = JsonMapper.builder().build().readTree(lab("status", labDir.toString(), "-o", "json").out());
        List<String> done = new ArrayList<>();
        status.get("steps").forEach(s -> done.add(s.get("id").asString() + "=" + s.get("state").asString()));
        assertEquals(List.of("slow=done", "fast=done"), done, "neither process wrote its stale copy over the other's");
    }

    @Test
    void aDamagedFileIsNamedNeverBlocksOtherLabsAndResetKeepsItAside() throws Exception {
        Path progress = Files.createDirectories(home.resolve("state/kubelab/progress"));
        Files.writeString(progress.resolve("minikube.json"), "null");

        Result status = lab("status", "minikube");
        assertEquals(2, status.exit(), status.toString());
        assertTrue(status.err().contains("minikube.json is damaged"), status.err());
        assertFalse(status.err().contains("Exception"), status.err());

        Result list = lab("list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains("kubeadm"), "the other labs are listed: " + list.out());
        assertTrue(list.out().contains("progress damaged: `lab reset minikube --all --yes` keeps it aside"), list.out());
        JsonNode rows = JsonMapper.builder().build().readTree(lab("list", "-o", "json").out()).get("labs");
        rows.forEach(r -> assertEquals(r.get("id").asString().equals("minikube"), !r.get("problem").isNull(), r.toString()));

        Result reset = lab("reset", "minikube", "--all", "--yes");
        assertEquals(0, reset.exit(), reset.toString());
        assertTrue(reset.err().contains("The damaged progress file is kept as "), reset.toString());
        try (Stream<Path> files = Files.list(progress)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("minikube.json.damaged-")).findFirst()
                    .orElseThrow();
            assertEquals("null", Files.readString(aside), "nothing lost");
        }
        assertEquals(1, lab("status", "minikube").exit(), "status works again (exit 1: steps pending)");
    }

    @Test
    void commandsThatOnlyLookWriteNothing() throws Exception {
        Path labDir = twoStepLab();
        assertEquals(0, lab("run", labDir.toString(), "fast").exit());
        assertEquals(0, lab("check", labDir.toString(), "fast").exit());
        Map<String, FileTime> before = snapshot(home.resolve("state"));
        for (String[] command : List.of(new String[] {"status", labDir.toString()}, new String[] {"show", labDir.toString()},
                new String[] {"list"}, new String[] {"status", "kubeadm"}, new String[] {"show", "minikube"},
                new String[] {"check", labDir.toString(), "fast"})) {
            Result r = lab(command);
            assertTrue(r.exit() <= 1, String.join(" ", command) + ": " + r);
        }
        // Nothing was written, so all of these also work on a state folder lab may not write.
        assertEquals(before, snapshot(home.resolve("state")));
    }

    @Test
    void aTranscriptThatCannotBeWrittenIsSaidOnce() throws Exception {
        Path labDir = twoStepLab();
        String key = new DirectoryLabFiles(labDir).stateKey();
        // A folder where the transcript file should be: no one can append to it, root included.
        Files.createDirectories(home.resolve("state/kubelab/transcripts/" + key + ".jsonl"));
        Result run = lab("run", labDir.toString(), "fast");
        assertEquals(0, run.exit(), "the step still runs: " + run);
        assertEquals(1, run.err().split("cannot write the transcript", -1).length - 1, run.toString());
    }

    @Test
    void aLabFromAFolderWithABundledIdHasItsOwnState() throws Exception {
        Path mine = Files.createDirectories(home.resolve("copy/minikube"));
        Files.writeString(mine.resolve("lab.yaml"), """
                format: 1
                id: minikube
                title: {en: My minikube, zh-CN: 我的 minikube}
                steps:
                  - id: mark
                    title: {en: Mark, zh-CN: 标记}
                    actions:
                      - run: touch {{lab.workdir}}/mine
                """);
        Result run = lab("run", mine.toString());
        assertEquals(0, run.exit(), run.toString());
        Path state = home.resolve("state/kubelab");
        assertFalse(Files.exists(state.resolve("progress/minikube.json")), "the bundled lab's progress is untouched");
        assertFalse(Files.exists(state.resolve("work/minikube")), "and so is its work folder");
        String key = new DirectoryLabFiles(mine).stateKey();
        assertTrue(key.matches("minikube-[0-9a-f]{8}"), key);
        assertTrue(Files.exists(state.resolve("work/" + key + "/mine")));
        assertTrue(lab("list").out().contains("minikube") && lab("list").out().contains("not started"));
    }

    private static Map<String, FileTime> snapshot(Path dir) throws Exception {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                out.put(dir.relativize(f).toString(), Files.getLastModifiedTime(f));
            }
        }
        return out;
    }
}
