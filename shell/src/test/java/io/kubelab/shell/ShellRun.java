package io.kubelab.shell;

import io.kubelab.shell.context.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs `lab` in this JVM (the real LabShell) with its own environment, stdin and captured stdout/stderr. */
public final class ShellRun {
    private final Map<String, String> env = new HashMap<>();
    private final Path cwd;
    private String stdin = "";

    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public ShellRun(Path home) {
        this.cwd = home;
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("KUBECONFIG", home.resolve(".kube/config").toString());
    }

    public ShellRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ShellRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    Map<String, String> env() {
        return env;
    }

    /** Runs `lab` as a process of its own (a second lab, or one to kill), its output into {@code output}. */
    public Process start(Path output, String... args) throws java.io.IOException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment e = new Environment(env, cwd, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int code = new LabShell(e).execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
