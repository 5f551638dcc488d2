package io.kubelab.shell.commands;

import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.yaml.Problem;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Sentences;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", aliases = "lint", description = {"Check lab content and report every problem at once.",
        "Each with file:line:column and what to write instead. Exit 2 on any error."})
public final class ValidateCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Lab folders (or lab.yaml files, or bundled lab ids). Default: every bundled lab.",
            descriptionKey = "words.lab-folders")
    List<String> paths;

    @picocli.CommandLine.Option(names = "--strict", description = "For authors: also every step has a check, every "
            + "check a hint in both languages, a step that runs nothing a solution, every variable a use; warnings "
            + "(missing translations) count as errors.")
    boolean strict;

    public ValidateCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> targets = paths == null || paths.isEmpty() ? ctx.labIds() : paths;
        Ui ui = ctx.ui();
        int errors = 0;
        int warnings = 0;
        for (String target : targets) {
            io.kubelab.labs.load.LabFiles files = ctx.catalog().locate(target);
            LoadResult r = ctx.catalog().read(files);
            List<Problem> problems = new java.util.ArrayList<>(r.problems());
            if (strict) {
                r.lab().ifPresent(lab -> problems.addAll(io.kubelab.labs.load.StrictRules.check(lab,
                        io.kubelab.labs.yaml.Location.of(files.display("lab.yaml")))));
            }
            for (Problem p : problems) {
                boolean error = p.severity() == Problem.Severity.ERROR || strict;
                // The place, the kind and the problem, in the author's language where it has been translated.
                String line = ui.msg().get(error ? "validate.error" : "validate.warning", p.location(),
                        Sentences.say(p.message(), ctx.language()));
                ui.line(error ? ui.style().red(line) : ui.style().yellow(line));
            }
            long asErrors = problems.stream().filter(p -> strict || p.severity() == Problem.Severity.ERROR).count();
            errors += (int) asErrors;
            warnings += problems.size() - (int) asErrors;
        }
        ui.line(ui.msg().get("validate.summary", targets.size(), errors, warnings));
        return errors > 0 ? ExitCode.USAGE : ExitCode.OK;
    }
}
