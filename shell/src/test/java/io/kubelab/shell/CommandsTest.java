package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.load.LabCatalog;
import io.kubelab.checks.CheckRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands that do not need a cluster: output formats, help, completion, validation of the bundled labs. */
class CommandsTest {
    @TempDir
    Path home;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyBundledLabIsValidWithoutWarnings() {
        ShellRun.Result r = new ShellRun(home).run("validate");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("error(s), 0 warning(s)") && r.out().contains(": 0 error(s)"), r.out());
    }

    /** A lab author's mistakes, each at its place, in the author's language. */
    @Test
    void validateSaysWhatIsWrongInEitherLanguage() throws Exception {
        Path lab = Files.createDirectories(home.resolve("bad"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: bad
                title: {en: Bad, zh-CN: 坏}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    checks:
                      - {id: c, kind: comand}
                    actions:
                      - run: echo {{undefined_var}}
                """);
        ShellRun.Result en = new ShellRun(home).run("validate", lab.toString());
        assertEquals(2, en.exit(), en.toString());
        assertTrue(en.out().contains("lab.yaml:8:23: error: unknown check kind 'comand'; did you mean 'command'? "
                + "(`lab checks` lists them all)"), en.out());
        ShellRun.Result zh = new ShellRun(home).run("validate", lab.toString(), "--lang", "zh-CN");
        assertTrue(zh.out().contains("lab.yaml:8:23: 错误：未知的检查类型 'comand'；是不是想写 'command'？（`lab checks` 会列出全部）"),
                zh.out());
        assertTrue(zh.out().contains("lab.yaml:10:14: 错误：未定义的变量 {{undefined_var}}；请在 variables: 下声明它（可用的有："),
                zh.out());
    }

    @Test
    void theLabIndexListsEveryLabFolder() throws Exception {
        Path labs = Path.of("..", "content", "src", "main", "resources", "labs");
        List<String> folders;
        try (Stream<Path> s = Files.list(labs)) {
            folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> listed = new LabCatalog(getClass().getClassLoader(), CheckRegistry.standard(Map.of()),
                io.kubelab.labs.actions.ActionRegistry.standard(), home)
                .bundledIds().stream().sorted().toList();
        assertEquals(folders, listed);
    }

    /** `lab actions` is generated from the action registry: every kind, its keys and an example. */
    @Test
    void actionsListsEveryKindFromTheRegistry() {
        ShellRun.Result json = new ShellRun(home).run("actions", "-o", "json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode actions = JsonMapper.builder().build().readTree(json.out()).get("actions");
        List<String> words = new java.util.ArrayList<>();
        actions.forEach(a -> {
            words.add(a.get("word").asString());
            assertTrue(a.get("example").asString().startsWith(a.get("word").asString() + ":"), a.toString());
            assertEquals(a.get("word").asString(), a.get("keys").get(0).get("name").asString());
        });
        assertEquals(io.kubelab.labs.actions.ActionRegistry.standard().words(), words);
        ShellRun.Result copy = new ShellRun(home).run("actions", "copy");
        assertEquals(0, copy.exit(), copy.toString());
        assertTrue(copy.out().contains("dest (required) text"), copy.out());
        assertEquals(2, new ShellRun(home).run("actions", "template").exit());
    }

    /** What LabShell reads off the command line before parsing it comes from picocli's model, not a list by hand. */
    @Test
    void theOptionsAndCommandsLabLooksAheadForComeFromTheModel() {
        assertEquals(java.util.Set.of("--lang", "--color", "--set", "--state-dir", "-i", "--inventory"),
                LabShell.OPTIONS_WITH_VALUES);
        assertEquals(java.util.Set.of("-i", "--inventory"), LabShell.INVENTORY_OPTIONS);
        assertEquals("run", LabShell.commandNamed("--lang", "zh-CN", "run", "minikube"));
        assertEquals(null, LabShell.commandNamed("help", "run"));
        assertTrue(LabShell.reachesNodes("verify", "kubeadm"));
        assertTrue(LabShell.reachesNodes("status", "kubeadm", "--inventory=hosts.yaml"));
        assertTrue(LabShell.reachesNodes("env"));
        assertTrue(!LabShell.reachesNodes("list") && !LabShell.reachesNodes("--set", "run=1", "status"));
    }

    @Test
    void listAndStatusAsJson() {
        ShellRun.Result list = new ShellRun(home).run("list", "-o", "json");
        assertEquals(0, list.exit(), list.toString());
        JsonNode labs = JSON.readTree(list.out()).get("labs");
        assertEquals("minikube", labs.get(0).get("id").asString());
        assertEquals(6, labs.get(0).get("steps").asInt());

        ShellRun.Result status = new ShellRun(home).run("status", "minikube", "-o", "json");
        assertEquals(1, status.exit(), "steps pending: " + status);
        JsonNode doc = JSON.readTree(status.out());
        assertEquals("install", doc.get("current").asString());
        assertEquals("pending", doc.get("steps").get(0).get("state").asString());
        assertEquals(5, doc.get("pending").size());
    }

    @Test
    void junitReportHasOneCasePerCheck() {
        ShellRun.Result r = new ShellRun(home).run("check", "minikube", "install", "-o", "junit");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("<?xml"), r.out());
        assertTrue(r.out().contains("<testsuite name=\"minikube\" tests=\"2\" failures=\"1\""), r.out());
        assertTrue(r.out().contains("<failure message=\"minikube not found on PATH\">"), r.out());
    }

    @Test
    void helpAndVersionOnEveryCommand() {
        ShellRun.Result version = new ShellRun(home).run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("lab "), version.out());
        for (String cmd : List.of("list", "start", "show", "run", "check", "verify", "hint", "solution", "next", "back",
                "goto", "status", "answer", "reset", "validate", "doctor", "completion", "checks")) {
            ShellRun.Result help = new ShellRun(home).run(cmd, "--help");
            assertEquals(0, help.exit(), cmd + ": " + help);
            assertTrue(help.out().contains("Usage: lab " + cmd) || help.out().contains("Usage: lab check"), help.out());
            assertTrue(help.out().contains("--lang"), "global options on " + cmd);
        }
    }

    @Test
    void navigationAndGradedHintsFromTheOsShell() {
        ShellRun lab = new ShellRun(home);
        assertTrue(lab.run("hint", "minikube").out().contains("Hint 1 of 2:"));
        assertTrue(lab.run("hint", "minikube").out().contains("Hint 2 of 2:"));
        assertTrue(lab.run("next", "minikube").out().contains("Step 2 of 6"));
        assertTrue(lab.run("goto", "minikube", "5").out().contains("Chapter question 1"));
        assertTrue(lab.run("back", "minikube").out().contains("Step 4 of 6"));
        assertTrue(lab.run("solution", "minikube", "start").out().contains("minikube start --driver=docker"));
        assertTrue(lab.run("run", "minikube", "--dry-run").out()
                .contains("local: minikube start --driver=docker --cpus=2 --memory=2200   # skipped when checks node-ready pass"));
    }

    @Test
    void completionScriptsForBashAndZsh() {
        ShellRun.Result bash = new ShellRun(home).run("completion", "bash");
        assertEquals(0, bash.exit(), bash.toString());
        assertTrue(bash.out().contains("complete -o default -F _lab_complete lab"), bash.out());
        ShellRun.Result zsh = new ShellRun(home).run("completion", "zsh");
        assertTrue(zsh.out().startsWith("autoload -U +X compinit") && zsh.out().contains("_lab_complete"), zsh.out());
        assertEquals(2, new ShellRun(home).run("completion", "fish").exit());
    }

    /** What lab answers at each Tab: commands, lab ids, a lab's own step ids where a step goes, options. */
    @Test
    void completionOffersStepIdsWhereStepsGo() {
        ShellRun lab = new ShellRun(home);
        assertEquals(List.of("reset", "resources", "run"), lab.run("__complete", "--", "r").out().lines().sorted().toList());
        assertTrue(lab.run("__complete", "--", "start", "").out().lines().toList().containsAll(
                List.of("minikube", "kubeadm", "the-hard-way")));
        // In the lab's order, as `status` lists them.
        assertEquals(List.of("install", "init"), lab.run("__complete", "--", "run", "kubeadm", "in").out().lines().toList());
        assertEquals(List.of("certificates", "control-plane"), lab.run("__complete", "--", "--lang", "zh-CN", "show",
                "the-hard-way", "c").out().lines().toList());
        assertEquals(List.of("--lang"), lab.run("__complete", "--", "run", "--la").out().lines().toList());
        assertEquals("", lab.run("__complete", "--", "run", "no-such-lab", "").out(), "an unknown lab has no steps");
        assertFalse(lab.run("__complete", "--", "").out().contains("__complete"), "the hidden command stays hidden");
    }

    /** The practice machines lab made, where a machine goes; none (and no error) when there are none. */
    @Test
    void completionOffersTheMachinesLabMade() throws Exception {
        ShellRun lab = new ShellRun(home);
        assertTrue(lab.run("__complete", "--", "machines", "ssh", "").out().lines().allMatch(l -> l.startsWith("-")),
                "no machines yet: only options");
        Path store = Files.createDirectories(home.resolve("state/kubelab/machines")).resolve("machines.json");
        Files.writeString(store, "[{\"name\": \"node-1\", \"provider\": \"nspawn\", \"address\": \"10.79.0.11\", \"port\": 22,"
                + " \"user\": \"root\", \"roles\": [\"kube_control_plane\"], \"hostKey\": \"k\"},"
                + " {\"name\": \"node-2\", \"provider\": \"nspawn\", \"address\": \"10.79.0.12\", \"port\": 22,"
                + " \"user\": \"root\", \"roles\": [\"kube_node\"], \"hostKey\": \"k\"}]");
        assertEquals(List.of("node-1", "node-2"), lab.run("__complete", "--", "machines", "ssh", "").out().lines()
                .filter(l -> !l.startsWith("-")).sorted().toList());
        assertEquals(List.of("node-1", "node-2"), lab.run("__complete", "--", "machines", "ssh", "n").out().lines().sorted().toList());
        assertEquals(List.of("node-2"), lab.run("__complete", "--", "machines", "down", "node-1", "node-2").out().lines()
                .toList());
        Files.writeString(store, "{damaged");
        ShellRun.Result damaged = lab.run("__complete", "--", "machines", "ssh", "");
        assertEquals(0, damaged.exit(), damaged.toString());
        assertTrue(damaged.out().lines().allMatch(l -> l.startsWith("-")) && damaged.err().isEmpty(),
                "Tab stays quiet; the commands themselves say what is wrong: " + damaged);
    }

    /** The bash script hands lab the words typed so far and offers what lab answers (real bash). */
    @Test
    void theBashScriptAsksLabWithTheWordsTyped() throws Exception {
        Path script = home.resolve("completion.bash");
        Files.writeString(script, new ShellRun(home).run("completion", "bash").out());
        // A stand-in for lab that writes down what it was asked and answers two steps.
        Path fake = home.resolve("fake-lab");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + home.resolve("asked") + "\nprintf 'init\\ninstall\\n'\n");
        fake.toFile().setExecutable(true);
        Process p = new ProcessBuilder("bash", "-c", "source " + script + "; COMP_WORDS=(" + fake + " run kubeadm in);"
                + " COMP_CWORD=3; _lab_complete; printf '%s\\n' \"${COMPREPLY[@]}\"; complete -p lab")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(List.of("init", "install", "complete -o default -F _lab_complete lab"), out.lines().toList());
        assertEquals(List.of("__complete", "--", "run", "kubeadm", "in"), Files.readAllLines(home.resolve("asked")));
    }

    @Test
    void checksAreListedFromTheRegistry() {
        ShellRun.Result r = new ShellRun(home).run("checks", "-o", "json");
        assertEquals(0, r.exit());
        JsonNode checks = JSON.readTree(r.out()).get("checks");
        List<String> names = new java.util.ArrayList<>();
        checks.forEach(c -> names.add(c.get("name").asString()));
        assertEquals(CheckRegistry.standard(Map.of()).names(), names);
    }

    @Test
    void doctorPrintsWhatABugReportNeeds() {
        ShellRun.Result r = new ShellRun(home).run("doctor");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("state dir          " + home.resolve("state/kubelab")), r.out());
        assertTrue(r.out().contains("kubectl            /usr/bin/kubectl"), r.out());
        assertTrue(r.out().contains("labs               " + Bundled.ids().size() + " bundled (" + String.join(", ",
                Bundled.ids()) + "), all valid"), r.out());
    }
}
