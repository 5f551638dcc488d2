package io.kubelab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.shell.LabShell;
import io.kubelab.shell.context.Environment;
import io.kubelab.shell.context.GlobalOptions;
import io.kubelab.shell.context.ShellContext;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab after `start ` offers the labs before any option, in the order the line editor shows them. */
class ReplCompleterTest {

    @Test
    void labIdsComeBeforeOptions(@TempDir Path home) {
        PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream());
        ShellContext ctx = new ShellContext(new Environment(Map.of("HOME", home.toString()), home,
                new ByteArrayInputStream(new byte[0]), sink, sink, false), new GlobalOptions());
        ReplCompleter completer = new ReplCompleter(LabShell.commandLine(ctx));
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse("start ", 6, org.jline.reader.Parser.ParseContext.COMPLETE), candidates);
        Collections.sort(candidates); // as JLine orders them
        List<String> values = candidates.stream().map(Candidate::value).toList();
        assertTrue(values.contains("kubeadm") && values.contains("minikube"), values.toString());
        assertFalse(values.get(0).startsWith("-"), "a lab first: " + values);
        int lastName = Math.max(values.indexOf("kubeadm"), values.indexOf("minikube"));
        assertTrue(values.stream().filter(v -> v.startsWith("-")).allMatch(v -> values.indexOf(v) > lastName), values.toString());
    }
}
