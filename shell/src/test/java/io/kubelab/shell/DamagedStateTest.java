package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files lab reads that were damaged on disk (an editor, a full disk, a hand): lab's own progress, and the
 * learner's kubeconfig. Each is named with what to do, or read as far as it makes sense: no command that
 * reads it ends with an internal error or a stack trace.
 */
class DamagedStateTest {
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

    /**
     * A damaged kubeconfig is said in one line, with where the parser gave up and what to do (the cluster
     * checks could not look); it never ends the check, and the parser's excerpt of the file is not shown.
     */
    @Test
    void aDamagedKubeconfigIsCouldNotLookNeverACrash() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            FakeTools tools = MinikubeFixture.install(home, cluster);
            ShellRun lab = new ShellRun(home).env("PATH", tools.path());
            assertEquals(0, lab.run("run", "minikube", "start").exit());
            Path kubeconfig = home.resolve(".kube/config");
            String good = Files.readString(kubeconfig);
            ShellRun.Result before = lab.run("check", "minikube", "start");
            assertEquals(0, before.exit(), before.toString());
            assertTrue(before.out().contains("(context)") && before.out().contains("(one-node)"), before.out());
            Random random = new Random(13);
            List<String> broke = new ArrayList<>();
            int couldNotLook = 0;
            for (int i = 0; i < DRAWS / 2; i++) {
                String damaged = Damage.of(good, random);
                Files.writeString(kubeconfig, damaged);
                ShellRun.Result r = lab.run("check", "minikube", "start");
                couldNotLook += r.out().contains("is not valid YAML") ? 1 : 0;
                String all = r.out() + r.err();
                // The parser's excerpt of the file ("in reader, line 3") never reaches the learner: one line says it.
                if (all.contains("internal error") || all.contains("\tat ") || all.contains("Exception:")
                        || all.contains(" in reader, line ")) {
                    broke.add("draw " + i + ":\n" + all + "--- the kubeconfig:\n" + damaged);
                }
            }
            assertEquals("", String.join("\n\n", broke));
            assertTrue(couldNotLook > 0, "some damage is said as the file not being YAML: " + couldNotLook);
        }
    }
}
