package io.kubelab.checks.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * This machine. Commands run under {@code bash -c} with the environment given (so tests and the
 * shell decide PATH, HOME and KUBECONFIG explicitly, not through global state).
 */
public final class LocalHost implements Host {
    /** How long a process gets to end after SIGTERM before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** How long to wait for output after the command exits (a daemon it started may hold the pipe). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final Map<String, String> environment;
    private final Path workingDirectory;

    public LocalHost(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String address() {
        return "this machine";
    }

    public Map<String, String> environment() {
        return environment;
    }

    @Override
    @SuppressWarnings("try") // the cancel registration is only closed, never used
    public ExecResult exec(ExecRequest request) {
        long started = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command(request.command()))
                    .directory(workingDirectory == null ? null : workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            return new ExecResult(127, "", "cannot start bash: " + e.getMessage(), elapsed(started),
                    ExecResult.Outcome.EXITED);
        }
        LinePump out = new LinePump(process.getInputStream(), OutputListener.Stream.STDOUT, request.listener());
        LinePump err = new LinePump(process.getErrorStream(), OutputListener.Stream.STDERR, request.listener());
        Thread outThread = LinePump.start(out, "stdout-" + process.pid());
        Thread errThread = LinePump.start(err, "stderr-" + process.pid());

        ExecResult.Outcome outcome = ExecResult.Outcome.EXITED;
        try (AutoCloseable ignored = request.cancellation().onCancel(() -> ProcessTree.end(process, GRACE))) {
            if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                outcome = ExecResult.Outcome.TIMED_OUT;
                ProcessTree.end(process, GRACE);
            }
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.end(process, GRACE);
            outcome = ExecResult.Outcome.CANCELLED;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (request.cancellation().isCancelled()) {
            outcome = ExecResult.Outcome.CANCELLED;
        }
        join(outThread);
        join(errThread);
        int exit = outcome == ExecResult.Outcome.EXITED ? process.exitValue() : -1;
        return new ExecResult(exit, out.text(), err.text(), elapsed(started), outcome);
    }

    /**
     * bash -c, in a session of its own when setsid exists: Ctrl-C at the learner's terminal then
     * reaches lab alone, which ends the command's whole process group itself, including children
     * that detached from their parent.
     */
    private static List<String> command(String line) {
        return SETSID ? List.of("setsid", "bash", "-c", line) : List.of("bash", "-c", line);
    }

    private static final boolean SETSID = java.nio.file.Files.isExecutable(Path.of("/usr/bin/setsid"));

    /** This machine is always reachable, so no HostUnreachableException here. */
    @Override
    public ExecResult exec(String command, Duration timeout) {
        return exec(ExecRequest.of(command, timeout));
    }

    @Override
    public byte[] read(String path) throws IOException {
        Path p = Path.of(path);
        if (!p.isAbsolute() && workingDirectory != null) {
            p = workingDirectory.resolve(p);
        }
        return FileRead.local(p);
    }

    private static void join(Thread pump) {
        try {
            pump.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
