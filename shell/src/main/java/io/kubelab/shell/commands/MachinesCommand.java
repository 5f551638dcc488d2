package io.kubelab.shell.commands;

import io.kubelab.labs.machines.Machine;
import io.kubelab.labs.machines.MachineRequest;
import io.kubelab.labs.machines.Machines;
import io.kubelab.shell.context.ExitCode;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.Json;
import io.kubelab.shell.report.Views;
import io.kubelab.shell.ui.Sentences;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `lab machines`: practice machines on this computer for the labs that need nodes. */
@Command(name = "machines", description = {"Practice machines on this computer.",
        "Debian nodes with systemd and sshd, and an inventory for `lab env` and `lab start kubeadm`."},
        subcommands = {MachinesCommand.Up.class, MachinesCommand.ListMachines.class, MachinesCommand.Ssh.class,
                MachinesCommand.Down.class})
public final class MachinesCommand implements Callable<Integer> {
    private final ShellContext ctx;

    public MachinesCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new ListMachines(ctx).call();
    }

    @Command(name = "up", description = "Make N machines (the first --control-planes run the control plane and etcd).")
    public static final class Up implements Callable<Integer> {
        private final ShellContext ctx;

        @Parameters(paramLabel = "N", description = "How many machines.", descriptionKey = "words.machine-count")
        int count;

        @Option(names = "--control-planes", paramLabel = "K", defaultValue = "1",
                description = "How many of them run the control plane and etcd (default ${DEFAULT-VALUE}).")
        int controlPlanes;

        @Option(names = "--provider", paramLabel = "nspawn|multipass|lima", defaultValue = "nspawn",
                description = "How the machines are made (default ${DEFAULT-VALUE}).")
        String provider;

        @Option(names = "--cpus", paramLabel = "C", defaultValue = "2", description = "CPUs each (virtual machines).")
        int cpus;

        @Option(names = "--memory", paramLabel = "MB", defaultValue = "2048", description = "Memory each, in MB (virtual machines).")
        int memory;

        public Up(ShellContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Machines machines = ctx.machines();
            Ui ui = ctx.ui();
            List<Machine> made = machines.up(provider, new MachineRequest(count, controlPlanes, cpus, memory),
                    line -> ui.note(ui.style().dim("… " + Sentences.say(line, ctx.language()))));
            ui.line(ui.style().green("✓ " + ui.msg().get("machines.made", made.size(), provider)));
            made.forEach(m -> ui.line("  " + m.name() + "  " + m.address() + "  " + String.join(", ", m.roles())));
            ui.line(ui.msg().get("machines.inventory", machines.inventory()));
            ui.line(ui.style().dim(ui.msg().get("machines.try", machines.inventory())));
            ui.blank();
            ui.line(ui.style().bold(ui.msg().get("machines.carries")));
            machines.provider(provider).carries().forEach(l -> ui.line("  " + l));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", aliases = "ls", description = "The machines, their addresses, roles and whether they run.")
    public static final class ListMachines implements Callable<Integer> {
        private final ShellContext ctx;

        @Mixin
        TextOrJson output = new TextOrJson();

        public ListMachines(ShellContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            boolean json = output.format != null && output.json();
            Machines machines = ctx.machines();
            List<Machine> all = machines.list();
            if (json) {
                ctx.out().println(Json.write(Views.MachineList.of(machines.inventory().toString(), all,
                        machines::running)));
                return ExitCode.OK;
            }
            Ui ui = ctx.ui();
            if (all.isEmpty()) {
                ui.line(ui.msg().get("machines.none"));
                return ExitCode.OK;
            }
            for (Machine m : all) {
                boolean up = machines.running(m);
                ui.line((up ? ui.style().green("✓ " + ui.msg().get("machines.running"))
                        : ui.style().red("✗ " + ui.msg().get("machines.stopped"))) + "  " + m.name() + "  " + m.provider()
                        + "  " + m.address() + "  " + String.join(", ", m.roles()));
            }
            ui.line(ui.msg().get("machines.inventory", machines.inventory()));
            return ExitCode.OK;
        }
    }

    @Command(name = "ssh", description = "Log in to a machine as root, with lab's key and its verified host key.")
    public static final class Ssh implements Callable<Integer> {
        private final ShellContext ctx;

        @Parameters(index = "0", paramLabel = "NAME", description = "The machine, e.g. node-1.", descriptionKey = "words.machine",
                completionCandidates = MachineNames.class)
        String name;

        @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*", description = "A command to run there instead of a shell.", descriptionKey = "words.machine-command")
        List<String> command;

        public Ssh(ShellContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<String> argv = new java.util.ArrayList<>(ctx.machines().ssh(name));
            if (command != null) {
                argv.addAll(command);
            }
            Process p = new ProcessBuilder(argv).inheritIO().start();
            return p.waitFor() == 0 ? ExitCode.OK : ExitCode.UNREACHABLE;
        }
    }

    @Command(name = "down", description = "Remove machines (all when none is named), leaving nothing of them behind.")
    public static final class Down implements Callable<Integer> {
        private final ShellContext ctx;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "The machines to remove (default: all).",
                descriptionKey = "words.machines-to-remove", completionCandidates = MachineNames.class)
        List<String> names;

        public Down(ShellContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Machines machines = ctx.machines();
            Ui ui = ctx.ui();
            if (machines.list().isEmpty() && (names == null || names.isEmpty())) {
                ui.line(ui.msg().get("machines.none"));
                return ExitCode.OK;
            }
            List<Machine> gone = machines.down(names == null ? List.of() : names, line -> ui.note(ui.style().dim("… " + Sentences.say(line, ctx.language()))));
            gone.forEach(m -> ui.line(ui.msg().get("machines.removed", m.name())));
            if (machines.list().isEmpty()) {
                ui.line(ui.style().green("✓ " + ui.msg().get("machines.all-gone")));
            }
            return ExitCode.OK;
        }
    }
}
