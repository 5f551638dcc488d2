package io.kubelab.shell.context;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The world `lab` runs in, passed in explicitly so tests can give it their own PATH, HOME,
 * state folder and streams (no global state).
 *
 * @param interactive stdin and stdout are a terminal: prompts and the line editor may be used
 */
public record Environment(Map<String, String> variables, Path workingDirectory, InputStream in, PrintStream out,
                          PrintStream err, boolean interactive) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The real process environment and standard streams. */
    public static Environment system() {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new Environment(System.getenv(), Path.of("").toAbsolutePath(), new FileInputStream(FileDescriptor.in),
                out, err, System.console() != null);
    }

    public String get(String name) {
        return variables.get(name);
    }

    public String getOrDefault(String name, String fallback) {
        String v = variables.get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
