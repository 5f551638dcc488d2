package io.kubelab.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sentence a check says ({@code say.t("...")} in the sources) has its Simplified Chinese
 * translation, with the same placeholders; and no translation is left over for a sentence that
 * is gone.
 */
class CheckTranslationsTest {
    /** .t( followed by one string literal, or several joined with +. */
    private static final Pattern CALL = Pattern.compile("\\.[tn]\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    static Set<String> sentences() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CALL.matcher(Files.readString(f));
                while (m.find()) {
                    StringBuilder s = new StringBuilder();
                    Matcher l = LITERAL.matcher(m.group(1));
                    while (l.find()) {
                        s.append(l.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                    }
                    out.add(s.toString());
                }
            }
        }
        return out;
    }

    @Test
    void everySentenceChecksSayHasItsChineseWithTheSamePlaceholders() throws IOException {
        Set<String> said = sentences();
        assertTrue(said.size() > 20, "the checks say things through Say: " + said.size());
        Map<String, String> zh = Say.chinese();
        List<String> missing = said.stream().filter(s -> !zh.containsKey(s)).toList();
        assertEquals(List.of(), missing, "add to checks/src/main/resources/io/kubelab/checks/checks.zh-CN.txt:\n"
                + String.join("\n", missing.stream().map(m -> m + "\n= ").toList()));
        List<String> wrong = new ArrayList<>();
        for (String s : said) {
            Set<String> en = new TreeSet<>(PLACEHOLDER.matcher(s).results().map(r -> r.group()).toList());
            Set<String> cn = new TreeSet<>(PLACEHOLDER.matcher(zh.get(s)).results().map(r -> r.group()).toList());
            if (!en.equals(cn)) {
                wrong.add(s + " -> " + zh.get(s));
            }
        }
        assertEquals(List.of(), wrong, "placeholders differ");
        List<String> stale = zh.keySet().stream().filter(k -> !said.contains(k)).sorted().toList();
        assertEquals(List.of(), stale, "translations of sentences no check says any more");
    }

    @Test
    void chineseIsSaidInChineseAndEnglishAsWritten() {
        Say zh = new Say("zh-CN");
        assertEquals("正在使用交换分区：/swapfile", zh.t("swap in use: {0}", "/swapfile"));
        assertEquals("swap in use: /swapfile", Say.ENGLISH.t("swap in use: {0}", "/swapfile"));
    }
}
