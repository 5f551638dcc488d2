package io.kubelab.labs.machines;

import io.kubelab.labs.LabException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A provider's command-line tool (multipass, limactl), run by its arguments, never through a shell. */
final class Cli {
    private final String tool;
    private final Map<String, String> env;

    Cli(String tool, Map<String, String> env) {
        this.tool = tool;
        this.env = Map.copyOf(env);
    }

    /** The tool on the environment's PATH, if it is installed. */
    Optional<Path> path() {
        for (String dir : env.getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code tool args...}; its standard output, or one line saying what failed and what the tool said. */
    String run(Duration timeout, String... args) {
        Path exe = path().orElseThrow(() -> LabException.badInput(tool + " is not installed"));
        List<String> argv = new ArrayList<>(List.of(exe.toString()));
        argv.addAll(List.of(args));
        try {
            // Both streams go to files, so a tool that hangs holding them open cannot outlast the timeout.
            Path err = Files.createTempFile("kubelab-" + tool, ".err");
            Path stdout = Files.createTempFile("kubelab-" + tool, ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(stdout.toFile()).redirectError(err.toFile());
                pb.environment().clear();
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw LabException.badInput(tool + " " + args[0] + " did not finish within " + timeout.toSeconds() + " s");
                }
                String out = Files.readString(stdout, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    String said = Files.readString(err).strip();
                    throw LabException.badInput(tool + " " + args[0] + " failed (exit " + p.exitValue() + "): "
                            + (said.isEmpty() ? out.strip() : lastLine(said)));
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
                Files.deleteIfExists(stdout);
            }
        } catch (IOException e) {
            throw LabException.badInput("cannot run " + tool + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LabException.badInput(tool + " was interrupted");
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1].strip();
    }
}
