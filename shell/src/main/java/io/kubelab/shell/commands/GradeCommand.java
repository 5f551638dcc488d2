package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.grade.ClassGrade;
import io.kubelab.labs.grade.Grader;
import io.kubelab.labs.grade.LearnerGrade;
import io.kubelab.labs.grade.Roster;
import io.kubelab.labs.grade.RosterReader;
import io.kubelab.labs.model.Lab;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.Evidence;
import io.kubelab.shell.report.GradeFormats;
import io.kubelab.shell.report.GradePage;
import io.kubelab.shell.report.GradeTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "grade", description = {"Grade a class: the lab's checks on every learner's environment at once.",
        "Only looks, never changes a learner's machine. Exit 1 when a learner is below the pass mark, "
                + "3 when one could not be looked at (never counted as failed)."})
public final class GradeCommand implements Callable<Integer>, ReachesNodes {
    /** -o for grade: the table, or a file format. */
    public enum Format { text, json, csv, junit, html }

    private final ShellContext ctx;

    @Parameters(index = "0", paramLabel = "LAB", completionCandidates = LabIds.class, descriptionKey = "words.lab-id",
            description = "The lab whose checks grade the class.")
    String labId;

    @Option(names = "--roster", required = true, paramLabel = "FILE",
            description = "The class: each learner's id, name, inventory and/or kubeconfig (docs/roster.md).")
    Path rosterFile;

    @Option(names = "--steps", split = ",", paramLabel = "STEP",
            description = "Grade only these steps (default: every step with checks, not the optional teardown).")
    List<String> steps;

    @Option(names = "--parallel", defaultValue = "16", paramLabel = "N",
            description = "How many learners are looked at at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--check-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long one check may take to look (default ${DEFAULT-VALUE}).")
    int checkTimeout;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json|csv|junit|html",
            description = "The table (text), or json, csv, junit (XML) or html (one file that works offline).")
    Format output;

    @Option(names = "--evidence", paramLabel = "DIR",
            description = "Write each learner's every check (when, where, SHA-256 of each file read) and a manifest.")
    Path evidence;

    @Option(names = "--watch", paramLabel = "SECONDS",
            description = "Grade again every SECONDS and redraw the table, marking with * what changed (Ctrl-C ends).")
    Integer watch;

    @Option(names = "--rounds", paramLabel = "N", description = "With --watch: stop after N rounds.")
    Integer rounds;

    public GradeCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (checkTimeout < 1) {
            throw LabException.badInput("--check-timeout must be 1 second or more");
        }
        if (watch != null && (watch < 1 || output != Format.text)) {
            throw LabException.badInput(watch < 1 ? "--watch takes a number of seconds, 1 or more"
                    : "--watch redraws the table; for -o " + output + " grade once, without --watch");
        }
        if (rounds != null && (watch == null || rounds < 1)) {
            throw LabException.badInput("--rounds N (1 or more) goes with --watch SECONDS");
        }
        Lab lab = ctx.catalog().load(labId);
        Path file = ctx.env().workingDirectory().resolve(rosterFile).normalize();
        Roster roster = new RosterReader(ctx.nodeFactory().inventoryReader()).read(file);
        Grader.Settings settings = new Grader.Settings(ctx.registry(), ctx.env().variables(), ctx.language(),
                Duration.ofSeconds(checkTimeout), parallel, ctx.settings().acceptNewHostKeys(),
                ctx.stateDir().resolve("work").resolve(lab.stateKey()));
        try (Grader grader = new Grader(lab, roster, Grader.steps(lab, steps == null ? List.of() : steps), settings,
                ctx.nodeFactory())) {
            ClassGrade last = null;
            for (int round = 1; ; round++) {
                ClassGrade g = grader.round();
                if (evidence != null) {
                    Evidence.write(g, ctx.env().workingDirectory().resolve(evidence));
                }
                show(g, Optional.ofNullable(last));
                last = g;
                if (watch == null || (rounds != null && round >= rounds)) {
                    return exitCode(g);
                }
                Thread.sleep(watch * 1000L);
            }
        }
    }

    private void show(ClassGrade g, Optional<ClassGrade> previous) {
        switch (output) {
            case json -> ctx.out().println(GradeFormats.json(g));
            case csv -> ctx.out().print(GradeFormats.csv(g));
            case junit -> ctx.out().println(GradeFormats.junit(g));
            case html -> ctx.out().print(GradePage.html(g, ctx.messages()));
            case text -> {
                if (watch != null && previous.isPresent()) {
                    clearScreen();
                }
                GradeTable.lines(g, previous, ctx.messages(), ctx.ui().style()).forEach(ctx.ui()::line);
            }
        }
        ctx.out().flush();
    }

    /**
     * A watch redraws the table in place on a terminal (JLine says how this terminal clears); in a
     * pipe or a log each round follows the last.
     */
    private void clearScreen() {
        if (!ctx.env().interactive()) {
            ctx.ui().blank();
            return;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            terminal.puts(InfoCmp.Capability.clear_screen);
            terminal.flush();
        } catch (java.io.IOException e) {
            ctx.ui().blank(); // no terminal after all: the rounds follow each other
        }
    }

    /** 1 when a learner is below the pass mark; else 3 when one could not be fully looked at; else 0. */
    static int exitCode(ClassGrade g) {
        if (g.count(LearnerGrade.Result.BELOW) > 0) {
            return ExitCode.NOT_DONE;
        }
        return g.count(LearnerGrade.Result.UNKNOWN) > 0 ? ExitCode.UNREACHABLE : ExitCode.OK;
    }
}
