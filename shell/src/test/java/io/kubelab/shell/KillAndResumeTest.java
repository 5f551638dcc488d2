package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.load.DirectoryLabFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `lab run` killed with SIGKILL mid-step: the progress file is intact and the next run resumes at that step. */
class KillAndResumeTest {
    @TempDir
    Path home;

    @Test
    void resumesAtTheInterruptedStepAndDoesNothingTwice() throws Exception {
        Path labDir = Files.createDirectories(home.resolve("resume"));
        Files.writeString(labDir.resolve("lab.yaml"), """
                format: 1
                id: resume
                title: {en: Resume, zh-CN: 继续}
                variables:
                  secs: {default: "60"}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    actions:
                      - run: echo ran >> {{lab.workdir}}/one.log
                  - id: slow
                    title: {en: Slow, zh-CN: 慢}
                    actions:
                      - run: touch {{lab.workdir}}/started; sleep {{secs}}; touch {{lab.workdir}}/finished
                  - id: three
                    title: {en: Three, zh-CN: 三}
                    actions:
                      - run: touch {{lab.workdir}}/three
                """);
        Path work = home.resolve("state/kubelab/work/" + new DirectoryLabFiles(labDir).stateKey());
        Process lab = new ShellRun(home).start(home.resolve("lab.out"), "run", labDir.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(work.resolve("started")) && System.nanoTime() < deadline && lab.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(work.resolve("started")), "the slow step started");
        List<ProcessHandle> children = new ArrayList<>(lab.descendants().toList());
        lab.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to tidy up
        assertTrue(lab.waitFor(10, TimeUnit.SECONDS));
        children.forEach(ProcessHandle::destroyForcibly);

        ShellRun shell = new ShellRun(home);
        ShellRun.Result status = shell.run("status", labDir.toString(), "-o", "json");
        JsonNode doc = JsonMapper.builder().build().readTree(status.out());
        assertEquals("slow", doc.get("current").asString(), status.toString());
        assertEquals("done", doc.get("steps").get(0).get("state").asString());
        assertEquals("running", doc.get("steps").get(1).get("state").asString());

        ShellRun.Result resumed = shell.stdin("").run("start", labDir.toString());
        assertTrue(resumed.out().contains("Step 2 of 3 · Slow"), resumed.toString());
        assertTrue(resumed.err().contains("step slow was interrupted last time"), resumed.toString());

        ShellRun.Result again = shell.run("run", labDir.toString(), "--set", "secs=0");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(Files.exists(work.resolve("finished")) && Files.exists(work.resolve("three")));
        assertEquals(List.of("ran"), Files.readAllLines(work.resolve("one.log")), "step one ran once");
    }
}
