package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.shell.ShellRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret reaches no byte lab prints or writes, whatever field it went through and however short
 * it is: the terminal, -o json, -o junit, a dry run, the transcript, the progress file. Only the
 * work file the lab writes it into on purpose holds it.
 */
class SecretsEverywhereTest {
    private static final String KEY = "SECRETAPIKEY123";
    private static final String PIN = "q7z"; // three characters: masked too

    @TempDir
    Path home;

    @Test
    void noSecretInAnyFieldOrFile() throws Exception {
        Path lab = Files.createDirectories(home.resolve("secrets"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: secrets
                title: {en: Secrets, zh-CN: 机密}
                variables:
                  apikey: {secret: true, prompt: {en: "API key:", zh-CN: "API 密钥："}}
                  pin: {secret: true, prompt: {en: "PIN:", zh-CN: "PIN："}}
                steps:
                  - id: use
                    title: {en: Use them, zh-CN: 使用}
                    actions:
                      - run: echo "key {{apikey}} pin {{pin}}"; touch "{{lab.workdir}}/{{pin}}.flag"
                      - run: echo never
                        creates: "{{lab.workdir}}/{{pin}}.flag"
                      - copy: {content: "apikey={{apikey}}\\n", dest: "{{lab.workdir}}/secret.env", mode: "0600"}
                    checks:
                      - id: works
                        kind: command
                        title: {en: "the key {{apikey}} works", zh-CN: 密钥可用}
                        with: {command: 'echo "{{apikey}}"; exit 3'}
                      - id: flag
                        kind: file
                        with: {path: "{{lab.workdir}}/{{pin}}.missing"}
                """);
        String[] set = {"--set", "apikey=" + KEY, "--set", "pin=" + PIN};
        List<Result> results = new ArrayList<>();
        results.add(lab(set, "run", lab.toString(), "--dry-run"));
        Result run = lab(set, "run", lab.toString());
        results.add(run);
        results.add(lab(set, "run", lab.toString(), "use")); // again: the guard says the flag exists
        results.add(lab(set, "check", lab.toString(), "-o", "json"));
        results.add(lab(set, "check", lab.toString(), "-o", "junit"));
        results.add(lab(set, "check", lab.toString()));

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().contains("key ****** pin ******"), run.out());
        assertTrue(results.get(2).out().contains("already exists"), results.get(2).out());
        assertTrue(results.get(3).out().contains("the key ****** works"), results.get(3).out());

        Path state = home.resolve("state");
        Path work = state.resolve("kubelab/work/" + new DirectoryLabFiles(lab).stateKey());
        assertTrue(Files.readString(work.resolve("secret.env")).contains(KEY), "the file meant to hold it does");
        List<String> everything = new ArrayList<>();
        results.forEach(r -> everything.add(r.out() + r.err()));
        List<Path> written;
        try (Stream<Path> files = Files.walk(state)) {
            written = files.filter(Files::isRegularFile).filter(f -> !f.equals(work.resolve("secret.env"))).toList();
        }
        assertTrue(written.stream().anyMatch(f -> f.toString().endsWith("transcripts/" + new DirectoryLabFiles(lab).stateKey() + ".jsonl")), written.toString());
        for (Path f : written) {
            everything.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)); // what is in it, not its name
        }
        for (String text : everything) {
            assertFalse(text.contains(KEY), "the API key leaked: " + text);
            assertFalse(text.contains(PIN), "the PIN leaked: " + text);
        }
    }

    private Result lab(String[] set, String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of(set));
        return new ShellRun(home).run(args.toArray(new String[0]));
    }
}
