package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.nodes.EnvProbe;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.Json;
import io.kubelab.shell.report.Views;
import io.kubelab.shell.ui.Ui;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "env", description = {"Probe every host of the inventory at once.",
        "Reachable, logged in, hostname, OS, CPUs, memory, and why not. Exit 3 if any host cannot be reached."})
public final class EnvCommand implements Callable<Integer>, ReachesNodes {
    private final ShellContext ctx;

    @Mixin
    LabWord lab;

    @Mixin
    TextOrJson output;

    public EnvCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        Path file = inventory();
        List<EnvProbe.Report> reports;
        List<String> notes;
        try (Nodes nodes = ctx.nodeFactory().open(Optional.of(file), ctx.settings().acceptNewHostKeys())) {
            reports = EnvProbe.probe(nodes, Duration.ofSeconds(20));
            notes = nodes.inventoryNotes();
        }
        if (json) {
            ctx.out().println(Json.write(Views.Env.of(file.toString(), reports, notes)));
        } else {
            notes.forEach(n -> ctx.ui().note(ctx.ui().style().dim(ctx.ui().msg().get("env.note", n))));
            Ui ui = ctx.ui();
            int width = reports.stream().mapToInt(r -> r.name().length()).max().orElse(4);
            for (EnvProbe.Report r : reports) {
                String name = r.name() + " ".repeat(width - r.name().length());
                if (r.ok()) {
                    ui.line(ui.style().green("✓ " + ui.msg().get("env.ok")) + "  " + name + "  " + r.hostname() + "  "
                            + r.os() + "  " + ui.msg().get("env.resources", r.cpus(), r.memoryMb())
                            + ui.style().dim("  " + r.address()));
                } else {
                    String word = r.reached() ? ui.msg().get("env.refused") : ui.msg().get("env.unreachable");
                    ui.line(ui.style().red("✗ " + word) + "  " + name + "  " + r.problem());
                }
            }
        }
        return reports.stream().allMatch(EnvProbe.Report::ok) ? ExitCode.OK : ExitCode.UNREACHABLE;
    }

    /** --inventory, else the inventory remembered for the named (or open) lab. */
    private Path inventory() {
        String lab = this.lab.named() != null ? ctx.catalog().load(this.lab.named()).stateKey()
                : ctx.session() != null ? ctx.session().lab().stateKey() : null;
        return ctx.nodeFactory().inventoryFor(lab, ctx.settings().inventory()).orElseThrow(() ->
                LabException.badInput("which nodes? give the inventory with --inventory FILE (Ansible YAML or INI)"));
    }
}
