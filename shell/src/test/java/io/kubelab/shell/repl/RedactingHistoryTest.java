package io.kubelab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelab.shell.context.Environment;
import io.kubelab.shell.context.GlobalOptions;
import io.kubelab.shell.context.ShellContext;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactingHistoryTest {

    @Test
    void secretsNeverReachTheHistory(@TempDir Path home) {
        PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream());
        ShellContext ctx = new ShellContext(new Environment(Map.of("HOME", home.toString()), home,
                new ByteArrayInputStream(new byte[0]), sink, sink, false), new GlobalOptions());
        RedactingHistory h = new RedactingHistory(ctx);
        assertEquals("run --set token=****** --set pod_cidr=10.244.0.0/16",
                h.redact("run --set token=abcdef.0123456789abcdef --set pod_cidr=10.244.0.0/16"));
        assertEquals("run --set sudo_password=******", h.redact("run --set sudo_password=hunter2"));
        // A quoted value is one value, however many words: none of it is kept.
        assertEquals("run --set password=****** --set x=1", h.redact("run --set password=\"hunter two pw\" --set x=1"));
        assertEquals("run --set password=******", h.redact("run --set password='hunter two pw'"));
        assertEquals("run --set=password=******", h.redact("run --set=password=\"unclosed hunter"));
        assertEquals("kubeadm join x --token ******", h.redact("kubeadm join x --token abcdef.0123456789abcdef"));
    }
}
