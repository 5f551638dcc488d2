package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A progress file damaged on disk (an editor, a full disk, a hand) is named with what to do, or read as
 * far as it makes sense: no command that reads it ends with an internal error or a stack trace.
 */
class DamagedProgressTest {
    private static final int DRAWS = Integer.getInteger("mangled.perFile", 300) / 5;

    @TempDir
    Path home;

    @Test
    void aDamagedProgressFileIsNamedNeverACrash() throws Exception {
        ShellRun lab = new ShellRun(home);
        assertEquals(0, lab.run("goto", "minikube", "question").exit());
        lab.run("answer", "minikube", "b"); // right or wrong, it is kept
        assertEquals(0, lab.run("goto", "minikube", "start").exit());
        Path file;
        try (var files = Files.walk(home.resolve("state"))) {
            file = files.filter(f -> f.toString().endsWith("/progress/minikube.json")).findFirst().orElseThrow();
        }
        String good = Files.readString(file);
        assertTrue(good.contains("\"current\""), good);
        Random random = new Random(11);
        List<String> broke = new ArrayList<>();
        int named = 0;
        for (int i = 0; i < DRAWS; i++) {
            String damaged = Damage.of(good, random);
            for (List<String> command : List.of(List.of("status", "minikube"), List.of("show", "minikube"),
                    List.of("next", "minikube"), List.of("answer", "minikube", "a", "--step", "question"), List.of("vars", "minikube"))) {
                Files.writeString(file, damaged);
                ShellRun.Result r = lab.run(command.toArray(String[]::new));
                named += r.err().contains("is damaged") ? 1 : 0;
                if (r.err().contains("internal error") || r.err().contains("Exception") || r.err().contains("\tat ")) {
                    broke.add(String.join(" ", command) + " on draw " + i + ":\n" + r.err() + "--- the file:\n" + damaged);
                }
            }
        }
        assertEquals("", String.join("\n\n", broke));
        assertTrue(named > DRAWS, "damage the file cannot be read as is named: " + named + " times");
    }
}
