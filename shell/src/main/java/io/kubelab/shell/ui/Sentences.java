package io.kubelab.shell.ui;

import io.kubelab.checks.TranslationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's one-line errors in the learner's language. The engine (loading, variables, steps,
 * machines) says what went wrong in English where it happens, far from any language setting; the
 * shell says it again in Chinese on the way out, from {@code errors.zh-CN.txt}: each English
 * sentence as the engine writes it, with {@code {0}} where a value goes, then its translation.
 * A sentence without a translation stays English (and the sweep test names it). The check and action
 * reference's phrases ({@code reference.zh-CN.txt}) are said the same way, also inside an error
 * ("check 'command' needs parameter 'command' (the shell command to run)").
 */
public final class Sentences {
    /** An English template as a pattern (values captured), and the Chinese to say instead. */
    record Translation(String english, Pattern pattern, List<Integer> order, String chinese) {
    }

    private static final List<Translation> CHINESE = load("errors.zh-CN.txt");
    /** The check and action reference's phrases (`lab checks`, `lab actions`), whole: looked up, not matched. */
    private static final java.util.Map<String, String> REFERENCE = TranslationFile.read(Sentences.class, "reference.zh-CN.txt");

    private Sentences() {
    }

    /** {@code message} in {@code language}: the Chinese of the first template it matches, or itself. */
    public static String say(String message, String language) {
        if (!"zh-CN".equals(language) || message == null) {
            return message;
        }
        if (message.indexOf('\n') >= 0) {
            // Several lines (a file's problems, one a line with its file:line; a question): each is said.
            return String.join("\n", message.lines().map(l -> translate(l).orElse(l)).toList());
        }
        return translate(message).orElse(message);
    }

    /** A list of problems ("node2: exit status 1; node3: timed out after 10m"), each said in {@code language}. */
    public static String sayEach(String problems, String language) {
        if (!"zh-CN".equals(language) || problems == null) {
            return problems;
        }
        return String.join("；", java.util.Arrays.stream(problems.split("; (?=[^;]+: )"))
                .map(p -> translate(p).orElse(p)).toList());
    }

    static Optional<String> translate(String message) {
        String phrase = REFERENCE.get(message);
        if (phrase != null) {
            return Optional.of(phrase);
        }
        for (Translation t : CHINESE) {
            Matcher m = t.pattern().matcher(message);
            if (m.matches()) {
                String out = t.chinese();
                for (int i = 0; i < t.order().size(); i++) {
                    String value = m.group(i + 1);
                    // A value that is itself one of the engine's sentences ("…; answer with one of a, b") is said too.
                    out = out.replace("{" + t.order().get(i) + "}", value.contains(" ") ? translate(value).orElse(value) : value);
                }
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /** The reference's phrases and their Chinese (for the tests). */
    static java.util.Map<String, String> reference() {
        return REFERENCE;
    }

    /** The number of templates known (for the tests). */
    static List<Translation> all() {
        return CHINESE;
    }

    /**
     * The template as a pattern: each value a group; a value that appears again must be the same
     * text there (a back-reference), so that it is one group, said once.
     */
    static Pattern patternOf(String english, List<Integer> order) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{(\\d)}").matcher(english);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(at, m.start())));
            int value = Integer.parseInt(m.group(1));
            int seen = order.indexOf(value);
            if (seen >= 0) {
                regex.append("\\").append(seen + 1);
            } else {
                // A value between quotes may be empty ('' is what a learner or author left blank); elsewhere it is not.
                boolean quoted = m.start() > 0 && english.charAt(m.start() - 1) == '\''
                        && m.end() < english.length() && english.charAt(m.end()) == '\'';
                regex.append(quoted ? "(.*?)" : "(.+?)");
                order.add(value);
            }
            at = m.end();
        }
        regex.append(Pattern.quote(english.substring(at))).append("$");
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<Translation> load(String resource) {
        List<Translation> out = new ArrayList<>();
        TranslationFile.read(Sentences.class, resource).forEach((english, chinese) -> {
            List<Integer> order = new ArrayList<>();
            Pattern p = patternOf(english, order);
            out.add(new Translation(english, p, List.copyOf(order), chinese));
        });
        return List.copyOf(out);
    }
}
