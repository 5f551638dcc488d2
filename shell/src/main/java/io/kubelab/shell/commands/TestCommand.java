package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.labtest.LabTester;
import io.kubelab.labs.labtest.PhaseResult;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.RunListener;
import io.kubelab.labs.run.SessionConfig;
import io.kubelab.labs.state.AtomicFiles;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.LabTestReports;
import io.kubelab.shell.ui.ConsoleListener;
import io.kubelab.shell.ui.Sentences;
import io.kubelab.shell.ui.Ui;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", description = {"For lab authors: prove a lab works, step by step, on a fresh environment.",
        "Each step's checks fail before it and pass after it; each question grades right and wrong answers; the "
                + "teardown last. Exit 1 on the first step that does not."})
public final class TestCommand implements Callable<Integer>, ReachesNodes {
    private final ShellContext ctx;

    @Parameters(index = "0", paramLabel = "LAB", completionCandidates = LabIds.class, descriptionKey = "words.lab-to-test",
            description = "The lab id, or the folder of a lab.yaml.")
    String labId;

    @Option(names = "--from", paramLabel = "STEP", description = "Begin at this step (the steps before it were done).")
    String from;

    @Option(names = "--to", paramLabel = "STEP", description = "End after this step.")
    String to;

    @Option(names = "--keep", description = "Leave the environment as the last step left it: no teardown, and the "
            + "test's state folder kept.")
    boolean keep;

    @Option(names = "--in", paramLabel = "FOLDER", description = "Test in this state folder, new or one an earlier "
            + "test left (--keep), instead of a new one each time; it is kept. With --from, the steps before were "
            + "done there.")
    Path in;

    @Option(names = "--verbose", description = "Show every command and its output as it runs.")
    boolean verbose;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|junit",
            description = "text, or junit (JUnit XML: a test case per step and phase).")
    OutputFormat output;

    public TestCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        output.refuse(OutputFormat.json);
        Lab lab = ctx.catalog().load(labId);
        List<Step> steps = LabTester.steps(lab, from, to, !keep);
        // A state folder of its own: the author's own progress in the lab is neither read nor touched.
        Path state = in != null ? named(in) : fresh(lab);
        Ui ui = ctx.ui();
        boolean text = output == OutputFormat.text;
        RunListener listener = verbose && text ? new ConsoleListener(ctx::ui) : RunListener.SILENT;
        SessionConfig config = new SessionConfig(state, ctx.env().variables(), ctx.language(), ctx.settings().sets(),
                Prompter.NONE, listener, ctx.registry(), null);
        Nodes nodes = ctx.nodeFactory().open(ctx.settings().inventory(), ctx.settings().acceptNewHostKeys());
        List<PhaseResult> results;
        try (LabSession session = new LabSession(lab, config, nodes)) {
            results = new LabTester(session).test(steps, r -> {
                if (text) {
                    ui.line(line(r));
                }
            });
        }
        boolean failed = results.stream().anyMatch(PhaseResult::failed);
        if (text) {
            long phases = results.stream().filter(r -> r.result() != PhaseResult.Result.NOT_APPLICABLE).count();
            ui.line(ui.msg().get(failed ? "test.failed" : "test.passed", lab.id(), phases,
                    results.stream().map(PhaseResult::step).distinct().count()));
        } else {
            ctx.out().println(LabTestReports.junit(lab.id(), results));
        }
        if (keep || failed || in != null) {
            ui.note(ui.msg().get("test.kept", state, state.resolve("transcripts")));
        } else {
            delete(state);
        }
        return failed ? ExitCode.NOT_DONE : ExitCode.OK;
    }

    private Path fresh(Lab lab) throws IOException {
        Path tests = ctx.stateDir().resolve("tests");
        AtomicFiles.ensurePrivateDirectory(tests);
        return Files.createTempDirectory(tests, lab.stateKey() + "-");
    }

    /** The author's folder: a new or empty one, or a test's state (it has progress/); never any other folder. */
    private static Path named(Path folder) throws IOException {
        Path f = folder.toAbsolutePath().normalize();
        if (Files.exists(f) && !Files.isDirectory(f)) {
            throw LabException.badInput("--in " + folder + " is a file; name a folder (a new one, or one lab test --keep left)");
        }
        if (Files.isDirectory(f) && !Files.isDirectory(f.resolve("progress"))) {
            try (Stream<Path> children = Files.list(f)) {
                if (children.findAny().isPresent()) {
                    throw LabException.badInput("--in " + folder + " holds other files and no test's state (progress/); "
                            + "name a new folder or one lab test --keep left");
                }
            }
        }
        AtomicFiles.ensurePrivateDirectory(f);
        return f;
    }

    private String line(PhaseResult r) {
        Ui ui = ctx.ui();
        String mark = switch (r.result()) {
            case PASSED -> ui.style().green("✓");
            case FAILED -> ui.style().red("✗");
            case NOT_APPLICABLE -> ui.style().dim("-");
        };
        return mark + " " + r.step() + " · " + ui.msg().get("test.phase." + r.phase().word()) + "  "
                + ui.style().dim(Sentences.say(r.detail(), ctx.language()));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
