package io.kubelab.shell.ui;

import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Status;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.run.CheckOutcome;
import io.kubelab.labs.run.CheckReport;
import io.kubelab.labs.values.TextWidth;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * How the shell writes to the learner: data and step text on stdout, diagnostics on stderr,
 * in the learner's language, coloured only alongside a symbol and a word.
 */
public record Ui(PrintWriter out, PrintWriter err, Style style, Messages msg, int width, boolean terminal) {

    /** Output that is not a terminal: report lines stay whole (one line each, for grep and logs). */
    public Ui(PrintWriter out, PrintWriter err, Style style, Messages msg, int width) {
        this(out, err, style, msg, width, false);
    }

    /**
     * A report line: on a terminal wrapped to its width with a hanging indent, so that the terminal
     * never cuts a word and a continuation stands under the text it continues; elsewhere whole.
     */
    private void report(String first, String text, int indent) {
        if (!terminal) {
            out.println(first + text);
            return;
        }
        out.println(String.join("\n", new Markdown(width, style).wrapLines(text, first, " ".repeat(indent))));
    }

    public void line(String s) {
        out.println(s);
    }

    /** A line that may wait in the buffer until the next flush (a command's output, see ConsoleListener). */
    public void lineUnflushed(String s) {
        out.print(s + "\n");
    }

    public void blank() {
        out.println();
    }

    /** One clear line on stderr: what is wrong and what to do next. */
    public void error(String message) {
        err.println(labelled(style.red(msg.get("error.prefix")), msg.get("error.prefix"),
                Sentences.say(message, msg.language())));
    }

    public void warn(String message) {
        err.println(labelled(style.yellow(msg.get("warning.prefix")), msg.get("warning.prefix"),
                Sentences.say(message, msg.language())));
    }

    public void note(String message) {
        err.println(message);
    }

    /** A label and its text: a space after an ASCII colon, none after a full-width one (Chinese puts none there). */
    public static String labelled(String styledLabel, String label, String text) {
        return styledLabel + (label.endsWith("：") ? "" : " ") + text;
    }

    public void markdown(String text) {
        out.println(new Markdown(width, style).render(text));
    }

    public String word(Status s) {
        return msg.get("status." + s.word());
    }

    /** "Step 3 of 8 · TITLE  [id]"; the title as the learner sees it (variables filled in). */
    public void stepHeading(Lab lab, Step step, String title) {
        int index = lab.indexOf(step.id()) + 1;
        String head = msg.get("step.heading", index, lab.steps().size(), title);
        out.println(style.bold(head) + style.dim("  [" + step.id() + "]"));
    }

    /** Check results, the same result on several nodes as one block naming them (see {@link CheckGroups}). */
    public void checkLines(List<CheckOutcome> outcomes) {
        for (CheckGroups.Group g : CheckGroups.of(outcomes)) {
            if (g.members().size() == 1) {
                checkLine(g.first());
            } else {
                groupLines(g);
            }
        }
    }

    private void groupLines(CheckGroups.Group g) {
        CheckOutcome o = g.first();
        CheckResult r = said(o.result());
        String id = g.baseId() + "@" + String.join(", ", g.targets());
        String name = o.title().isBlank() ? id : o.title() + style.dim(" (" + id + ")");
        String mark = style.status(r.status(), r.status().symbol() + " " + word(r.status()));
        boolean sameObserved = g.members().stream().allMatch(m -> m.result().observed().equals(r.observed()));
        if (r.status() == Status.PASS || r.status() == Status.SKIP) {
            report(mark + "  ", name + (r.observed().isEmpty() || !sameObserved ? "" : style.dim(" — " + r.observed())), 8);
            return;
        }
        out.println(mark + "  " + name);
        detail("check.expected", r.expected());
        if (sameObserved) {
            detail("check.observed", r.observed());
        } else {
            g.members().forEach(m -> detail("check.observed", m.result().observed()));
        }
        List<String> others = g.targets().subList(1, g.targets().size());
        detail("check.where", r.evidence() + style.dim(" " + msg.get("check.likewise", String.join(", ", others))));
        detail("check.hint", r.hint());
    }

    /** A result in the learner's language: checks say theirs already; the engine's own (quizzes) on the way out. */
    private CheckResult said(CheckResult r) {
        String lang = msg.language();
        return new CheckResult(r.status(), Sentences.say(r.expected(), lang), Sentences.say(r.observed(), lang),
                r.evidence(), Sentences.say(r.hint(), lang));
    }

    /** ✓ pass  check-id  observed — and, when it is not a pass, expected / observed / where / hint under it. */
    public void checkLine(CheckOutcome o) {
        CheckResult r = said(o.result());
        String name = o.title().isBlank() ? o.check() : o.title() + style.dim(" (" + o.check() + ")");
        String mark = style.status(r.status(), r.status().symbol() + " " + word(r.status()));
        if (r.status() == Status.PASS || r.status() == Status.SKIP) {
            report(mark + "  ", name + (r.observed().isEmpty() ? "" : style.dim(" — " + r.observed())), 8);
            return;
        }
        out.println(mark + "  " + name);
        detail("check.expected", r.expected());
        detail("check.observed", r.observed());
        detail("check.where", r.evidence());
        detail("check.hint", r.hint());
    }

    private void detail(String key, String value) {
        if (value != null && !value.isBlank()) {
            String label = msg.get(key);
            String first = "      " + labelled(style.dim(label), label, "");
            report(first, value, 6 + TextWidth.of(label) + (label.endsWith("：") ? 0 : 1));
        }
    }

    public void summary(CheckReport report) {
        Map<Status, Integer> s = report.summary();
        StringBuilder sb = new StringBuilder();
        for (Status st : Status.values()) {
            if (s.get(st) > 0) {
                // "3 pass, 2 fail" in English; Chinese puts the word first and counts items: 通过 3 项、失败 2 项.
                sb.append(sb.length() == 0 ? "" : msg.get("check.summary.separator"))
                        .append(style.status(st, msg.get("check.summary.count", s.get(st), word(st))));
            }
        }
        if (report.results().isEmpty()) {
            out.println(msg.get("check.none"));
        } else if (!report.anyFailed() && !report.anyError() && s.get(Status.SKIP) == 0) {
            out.println(style.green(msg.get("check.all-pass", sb)));
        } else {
            out.println(msg.get("check.summary", sb));
        }
    }
}
