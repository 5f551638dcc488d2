package io.kubelab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the engine's actions say themselves (the certificates table, a playbook's progress) has its Chinese, and no more. */
class EngineWordsTest {
    private static final Pattern CALL = Pattern.compile("say\\.t\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everySentenceTheEngineSaysHasItsChinese() throws IOException {
        Set<String> said = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CALL.matcher(Files.readString(f));
                while (m.find()) {
                    said.add(m.group(1));
                }
            }
        }
        assertTrue(said.size() >= 15, "the table's words and the reasons: " + said);
        List<String> missing = said.stream().filter(s -> !EngineWords.CHINESE.containsKey(s)).toList();
        assertEquals(List.of(), missing, "add to labs/src/main/resources/io/kubelab/labs/engine.zh-CN.txt");
        List<String> stale = EngineWords.CHINESE.keySet().stream().filter(s -> !said.contains(s)).sorted().toList();
        assertEquals(List.of(), stale, "translations of sentences the engine no longer says");
        assertEquals("它的密钥不是 rsa-4096", EngineWords.in("zh-CN").t("its key is not {0}", "rsa-4096"));
        assertEquals("its key is not rsa-4096", EngineWords.in("en").t("its key is not {0}", "rsa-4096"));
    }
}
