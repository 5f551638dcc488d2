package io.kubelab.labs.run;

import io.kubelab.checks.Status;
import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.Shell;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.model.Action;
import io.kubelab.labs.model.CopyAction;
import io.kubelab.labs.model.FetchAction;
import io.kubelab.labs.target.FileTransfer;
import io.kubelab.labs.target.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.RunAction;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.state.StepState;
import io.kubelab.labs.state.Transcript;
import io.kubelab.labs.target.Targets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a step's actions on their targets, then its checks. Every command is shown (redacted)
 * before it runs and its output streamed; guards skip work that is already done, so running a
 * step again is safe.
 */
final class StepRunner {
    /** How often a long command reports that it is still running. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration GUARD_TIMEOUT = Duration.ofSeconds(20);

    private final Targets targets;
    private final CheckRunner checks;
    private final Transcript transcript;
    private final RunListener listener;
    private final String language;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "still-running");
        t.setDaemon(true);
        return t;
    });

    StepRunner(Targets targets, CheckRunner checks, Transcript transcript, RunListener listener, String language) {
        this.targets = targets;
        this.checks = checks;
        this.transcript = transcript;
        this.listener = listener;
        this.language = language;
    }

    StepOutcome run(Step step, Variables vars, RunOptions options, Consumer<StepState> stateChange) {
        stateChange.accept(StepState.RUNNING);
        List<CommandOutcome> commands = new ArrayList<>();
        for (Action action : step.actions()) {
            List<Host> hosts = targets.resolve(action.on());
            Redactor redactor = vars.redactor();
            if (action instanceof RunAction run) {
                String skip = skipReason(step, run, vars);
                if (skip != null) {
                    hosts.forEach(h -> listener.commandSkipped(step, h.name(),
                            redactor.redact(vars.render(run.command(), h)), skip));
                    continue;
                }
            }
            List<HostRun> runs = FanOut.run(hosts, options.parallelism(), host -> action instanceof RunAction run
                    ? runOn(host, step, run, vars.render(run.command(), host), vars, redactor, options)
                    : transfer(host, step, action, vars, redactor));
            List<CommandOutcome> results = runs.stream().map(HostRun::outcome).toList();
            commands.addAll(results);
            if (options.cancellation().isCancelled()) {
                stateChange.accept(StepState.PENDING);
                return new StepOutcome(step.id(), StepState.PENDING, "cancelled", commands, List.of(), true);
            }
            List<CommandOutcome> failed = results.stream().filter(r -> !r.ok()).toList();
            if (!failed.isEmpty()) {
                stateChange.accept(StepState.FAILED);
                return new StepOutcome(step.id(), StepState.FAILED, describe(failed), commands, List.of(), false);
            }
            String captureProblem = action instanceof RunAction run ? capture(run, runs, vars) : null;
            if (captureProblem != null) {
                stateChange.accept(StepState.FAILED);
                return new StepOutcome(step.id(), StepState.FAILED, captureProblem, commands, List.of(), false);
            }
        }
        List<CheckOutcome> verified = checks.run(step.checks().stream()
                .map(c -> new CheckRunner.StepCheck(step, c)).toList(), vars, language);
        List<CheckOutcome> problems = verified.stream().filter(c -> c.result().status().isProblem()).toList();
        StepState end = problems.isEmpty() ? StepState.DONE : StepState.FAILED;
        stateChange.accept(end);
        String problem = problems.isEmpty() ? "" : problems.size() + " check" + (problems.size() == 1 ? "" : "s")
                + " did not pass: " + String.join(", ", problems.stream().map(CheckOutcome::check).toList());
        return new StepOutcome(step.id(), end, problem, commands, verified, false);
    }

    /** A dry run: each command per host with variables filled in (secrets masked); nothing is touched. */
    void plan(Step step, Variables vars) {
        Redactor redactor = vars.redactor();
        for (Action action : step.actions()) {
            for (Host h : targets.resolve(action.on())) {
                String shown = redactor.redact(ActionText.of(action, text -> vars.render(text, h)));
                if (!(action instanceof RunAction run)) {
                    listener.planned(step, h.name(), shown, "");
                    continue;
                }
                if (run.when() != null && !run.when().holds(groupSize(run.when().group()))) {
                    listener.planned(step, h.name(), shown, "not run: only when " + run.when());
                    continue;
                }
                String guard = run.creates() != null ? "skipped where " + vars.render(run.creates(), h)
                        + " exists" : run.unless().isEmpty() ? ""
                        : "skipped when checks " + String.join(", ", run.unless()) + " pass";
                if (!run.capture().isEmpty()) {
                    guard = (guard.isEmpty() ? "" : guard + "; ") + "captures "
                            + String.join(", ", run.capture().keySet());
                }
                listener.planned(step, h.name(), shown, guard);
            }
        }
    }

    /**
     * One command's end on one host, with its full output (null when a guard skipped it). The
     * output is kept only until captures are read, never stored: it may hold secrets.
     */
    private record HostRun(CommandOutcome outcome, String output) {
    }

    private HostRun runOn(Host host, Step step, RunAction run, String command, Variables vars,
                                 Redactor redactor, RunOptions options) {
        String shown = redactor.redact(command);
        try {
            if (run.creates() != null) {
                String path = vars.render(run.creates(), host);
                ExecResult exists = host.exec(ExecRequest.of("test -e " + Shell.quote(path), GUARD_TIMEOUT)
                        .withCancellation(options.cancellation()).asRoot(run.sudo()));
                if (exists.ok()) {
                    listener.commandSkipped(step, host.name(), shown, path + " already exists");
                    return new HostRun(new CommandOutcome(host.name(), true, ExecResult.Outcome.EXITED, 0,
                            Duration.ZERO, "", "skipped: " + path + " exists"), null);
                }
            }
            listener.commandStarting(step, host.name(), shown);
            Instant started = Instant.now();
            ScheduledFuture<?> heartbeat = ticker.scheduleAtFixedRate(() -> listener.stillRunning(host.name(), shown,
                    Duration.between(started, Instant.now())), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
            ExecResult r;
            try {
                r = host.exec(new ExecRequest(command, run.timeout(),
                        (stream, line) -> listener.output(host.name(), stream, redactor.redact(line)),
                        options.cancellation(), run.sudo()));
            } finally {
                heartbeat.cancel(false);
            }
            String tail = redactor.redact(r.tail(20));
            transcript.append(new Transcript.Entry(started, step.id(), host.name(), command,
                    r.outcome() == ExecResult.Outcome.EXITED ? r.exitCode() : null, r.elapsed().toMillis(),
                    r.outcome().name().toLowerCase(java.util.Locale.ROOT), tail), redactor);
            String problem = switch (r.outcome()) {
                case TIMED_OUT -> "timed out after " + seconds(run.timeout()) + " (the whole process tree was ended)";
                case CANCELLED -> "cancelled";
                case EXITED -> r.exitCode() == 0 ? "" : "exit status " + r.exitCode();
            };
            CommandOutcome outcome = new CommandOutcome(host.name(), r.ok(), r.outcome(), r.exitCode(), r.elapsed(),
                    problem, tail);
            listener.commandFinished(step, host.name(), outcome);
            return new HostRun(outcome, r.output());
        } catch (HostUnreachableException e) {
            String problem = redactor.redact(e.getMessage());
            transcript.append(new Transcript.Entry(Instant.now(), step.id(), host.name(), command, null, 0,
                    "unreachable", problem), redactor);
            CommandOutcome outcome = new CommandOutcome(host.name(), false, ExecResult.Outcome.EXITED, -1,
                    Duration.ZERO, "unreachable: " + problem, "");
            listener.commandFinished(step, host.name(), outcome);
            return new HostRun(outcome, null);
        }
    }

    /** Copies a file to or from one host; the step fails naming the host when it cannot. */
    private HostRun transfer(Host host, Step step, Action action, Variables vars, Redactor redactor) {
        String shown = redactor.redact(ActionText.of(action, text -> vars.render(text, host)));
        listener.commandStarting(step, host.name(), shown);
        Instant started = Instant.now();
        String problem = "";
        try {
            FileTransfer files = host instanceof FileTransfer ft ? ft : new LocalFiles((LocalHost) host);
            if (action instanceof CopyAction c) {
                copy(files, c, vars, host);
            } else {
                FetchAction f = (FetchAction) action;
                files.download(vars.render(f.src(), host), Path.of(vars.render(f.dest(), host)), f.mode());
            }
        } catch (HostUnreachableException e) {
            problem = "unreachable: " + redactor.redact(e.getMessage());
        } catch (IOException | RuntimeException e) {
            problem = redactor.redact(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Duration took = Duration.between(started, Instant.now());
        transcript.append(new Transcript.Entry(started, step.id(), host.name(), shown, problem.isEmpty() ? 0 : 1,
                took.toMillis(), problem.isEmpty() ? "exited" : "failed", problem), redactor);
        CommandOutcome outcome = new CommandOutcome(host.name(), problem.isEmpty(), ExecResult.Outcome.EXITED,
                problem.isEmpty() ? 0 : 1, took, problem, "");
        listener.commandFinished(step, host.name(), outcome);
        return new HostRun(outcome, null);
    }

    private static void copy(FileTransfer files, CopyAction c, Variables vars, Host host)
            throws IOException, HostUnreachableException {
        String dest = vars.render(c.dest(), host);
        if (c.src() != null) {
            files.upload(Path.of(vars.render(c.src(), host)), dest, c.mode(), c.owner());
            return;
        }
        // Text written in the lab: rendered into a private temp file, uploaded, and removed.
        Path tmp = Files.createTempFile("kubelab-copy", ".tmp");
        try {
            Files.writeString(tmp, vars.render(c.content(), host));
            files.upload(tmp, dest, c.mode(), c.owner());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Sets each captured variable from the first host whose output matches; a problem in words, or null. */
    private String capture(RunAction run, List<HostRun> runs, Variables vars) {
        boolean ran = runs.stream().anyMatch(r -> r.output() != null);
        for (Map.Entry<String, Pattern> c : run.capture().entrySet()) {
            boolean found = false;
            for (HostRun r : runs) {
                Matcher m = r.output() == null ? null : c.getValue().matcher(r.output());
                if (m != null && m.find()) {
                    // A command printed over several lines ("\" then a tab or spaces) is kept as one line.
                    String value = (m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group())
                            .replaceAll("\\s*\\\\\\s*\\n\\s*", " ").strip();
                    vars.set(c.getKey(), value);
                    listener.captured(c.getKey(), vars.redactor().redact(value));
                    found = true;
                    break;
                }
            }
            if (!found && ran) {
                return "the output had nothing matching /" + c.getValue().pattern() + "/ to set " + c.getKey()
                        + " from; read the output above";
            }
        }
        return null;
    }

    /** Why a command does not run at all this time (a condition, or work already done), or null. */
    private String skipReason(Step step, RunAction run, Variables vars) {
        if (run.when() != null) {
            int count = groupSize(run.when().group());
            if (!run.when().holds(count)) {
                return "only when " + run.when() + "; " + run.when().group() + " has " + count;
            }
        }
        if (!run.unlessSet().isEmpty() && run.unlessSet().stream().allMatch(vars::has)) {
            return String.join(", ", run.unlessSet().stream().map(v -> "{{" + v + "}}").toList()) + " already known";
        }
        if (!run.unless().isEmpty() && alreadyDone(step, run, vars)) {
            return "checks " + String.join(", ", run.unless()) + " already pass";
        }
        return null;
    }

    private int groupSize(String group) {
        try {
            return targets.resolve(group).size();
        } catch (io.kubelab.labs.LabException e) {
            return 0; // no inventory, or no such group: it has no hosts
        }
    }

    private boolean alreadyDone(Step step, RunAction run, Variables vars) {
        List<CheckSpec> guards = step.checks().stream().filter(c -> run.unless().contains(c.id())).toList();
        List<CheckOutcome> results = checks.run(guards.stream().map(c -> new CheckRunner.StepCheck(step, c)).toList(),
                vars, language);
        return !results.isEmpty() && results.stream().allMatch(r -> r.result().status() == Status.PASS
                || r.result().status() == Status.WARN);
    }

    private static String describe(List<CommandOutcome> failed) {
        return String.join("; ", failed.stream().map(f -> f.host() + ": " + f.problem()).toList());
    }

    private static String seconds(Duration d) {
        return d.toSeconds() >= 60 && d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    void close() {
        ticker.shutdownNow();
    }
}
