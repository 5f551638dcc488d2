package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.LabCatalog;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.model.Variable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command the bundled labs show a learner — code blocks and inline code in step text,
 * hints, solutions, questions and descriptions — works when pasted: bash parses it, it is the same
 * in both languages (only placeholders such as {@code <令牌>} may be translated), it holds no
 * full-width punctuation, and it avoids the pitfalls that have bitten before.
 */
class ContentCommandsTest {
    private static final Pattern FENCED = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\n]+>");
    private static final Pattern COMMENT = Pattern.compile("(?m)[ \\t]+#[^\\n]*$");
    private static final Pattern MODPROBE_TWO = Pattern.compile("\\bmodprobe[ \\t]+(?!-)[\\w-]+[ \\t]+(?!-)[\\w-]+");
    private static final Pattern FULL_WIDTH = Pattern.compile("[；：，（）“”、。！？　]");

    private static List<Lab> labs() {
        LabCatalog catalog = new LabCatalog(ContentCommandsTest.class.getClassLoader(), CheckRegistry.standard(Map.of()),
                ActionRegistry.standard(), Path.of("."));
        return catalog.bundledIds().stream().map(catalog::load).toList();
    }

    /** Every text a learner reads in a lab, by where it is. */
    private static Map<String, Text> texts(Lab lab) {
        Map<String, Text> out = new LinkedHashMap<>();
        out.put("title", lab.title());
        out.put("summary", lab.summary());
        for (Variable v : lab.variables().values()) {
            out.put("variable " + v.name() + " description", v.description());
            out.put("variable " + v.name() + " prompt", v.prompt());
        }
        for (Step s : lab.steps()) {
            String at = "step " + s.id();
            out.put(at + " text", s.body());
            out.put(at + " solution", s.solution());
            out.put(at + " confirm", s.confirm());
            for (int i = 0; i < s.hints().size(); i++) {
                out.put(at + " hint " + (i + 1), s.hints().get(i));
            }
            for (CheckSpec c : s.checks()) {
                out.put(at + " check " + c.id() + " title", c.title());
                out.put(at + " check " + c.id() + " hint", c.hint());
            }
            if (s.quiz() != null) {
                out.put(at + " question", s.quiz().question());
                out.put(at + " explanation", s.quiz().explanation());
                s.quiz().choices().forEach((k, t) -> out.put(at + " choice " + k, t));
            }
        }
        return out;
    }

    /**
     * Code blocks in order, then inline code outside them in sorted order: Chinese may name the
     * same commands in another order in a sentence, but never other commands.
     */
    private static List<String> code(String text) {
        List<String> out = new ArrayList<>();
        Matcher f = FENCED.matcher(text);
        while (f.find()) {
            out.add(f.group(1));
        }
        List<String> inline = new ArrayList<>();
        Matcher i = INLINE.matcher(FENCED.matcher(text).replaceAll(""));
        while (i.find()) {
            inline.add(i.group(1));
        }
        inline.sort(null);
        out.addAll(inline);
        return out;
    }

    /** Placeholders ({@code <令牌>}) and comments ({@code # 一个节点}) may be translated; the rest may not. */
    private static String untranslatable(String code) {
        return COMMENT.matcher(PLACEHOLDER.matcher(code).replaceAll("PLACEHOLDER")).replaceAll("");
    }

    @Test
    void everyCommandShownWorksWhenPastedInBothLanguages() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Lab lab : labs()) {
            for (Map.Entry<String, Text> t : texts(lab).entrySet()) {
                String where = lab.id() + ": " + t.getKey();
                List<String> en = code(t.getValue().in(Text.ENGLISH)).stream().map(ContentCommandsTest::untranslatable)
                        .toList();
                if (t.getValue().has(Text.CHINESE)) {
                    List<String> zh = code(t.getValue().in(Text.CHINESE)).stream()
                            .map(ContentCommandsTest::untranslatable).toList();
                    if (!en.equals(zh)) {
                        wrong.add(where + ": the code differs between English and Chinese:\n  en " + en + "\n  zh " + zh);
                    }
                    zh.stream().filter(c -> FULL_WIDTH.matcher(c).find())
                            .forEach(c -> wrong.add(where + " (zh-CN): full-width punctuation in code: " + c));
                }
                for (String c : en) {
                    checked++;
                    if (c.startsWith("-")) {
                        continue; // an option named in prose, not a command
                    }
                    String parse = bashParses(c);
                    if (!parse.isEmpty()) {
                        wrong.add(where + ": bash cannot parse `" + c + "`: " + parse);
                    }
                    if (MODPROBE_TWO.matcher(c).find()) {
                        wrong.add(where + ": `" + c + "`: modprobe loads one module and takes the next word as its "
                                + "parameter; use modprobe -a for several");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
        assertEquals(true, checked > 50, "the bundled labs show commands: " + checked);
    }

    /** What bash says of the text as a script (bash -n reads without running); empty when it parses. */
    private static String bashParses(String code) throws Exception {
        Process p = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        p.getOutputStream().write(code.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? "" : out;
    }
}
