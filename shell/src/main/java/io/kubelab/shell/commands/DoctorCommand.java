package io.kubelab.shell.commands;

import io.kubelab.checks.cluster.Kubeconfig;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.context.Version;
import io.kubelab.shell.ui.Ui;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "doctor", description = "Versions, paths and environment, ready to paste into a bug report.")
public final class DoctorCommand implements Callable<Integer> {
    private static final List<String> TOOLS = List.of("kubectl", "minikube", "docker", "kubeadm", "ssh", "ansible",
            "ansible-playbook", "eksctl", "aws", "gcloud", "az", "kops", "openssl");
    private final ShellContext ctx;

    public DoctorCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Ui ui = ctx.ui();
        ui.line(new Version().getVersion()[0]);
        row(ui, "java", System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.home") + ")");
        row(ui, "language", ctx.language() + " (LANG=" + ctx.env().getOrDefault("LANG", "") + ")");
        row(ui, "terminal", (ctx.env().interactive() ? "interactive" : "not a terminal") + ", TERM="
                + ctx.env().getOrDefault("TERM", "") + ", colour " + (ctx.settings().color() ? "on" : "off")
                + (ctx.env().get("NO_COLOR") != null ? " (NO_COLOR)" : ""));
        Path state = ctx.stateDir();
        row(ui, "state dir", state + (Files.isDirectory(state) ? (Files.isWritable(state) ? "" : "  (not writable!)")
                : "  (not created yet)"));
        Path kubeconfig = Kubeconfig.defaultPath(ctx.env().variables());
        row(ui, "kubeconfig", kubeconfig + Kubeconfig.tryRead(kubeconfig)
                .map(k -> "  (current context: " + (k.currentContext().isEmpty() ? "none" : k.currentContext()) + ")")
                .orElse(Files.exists(kubeconfig) ? "  (unreadable)" : "  (absent)"));
        for (String tool : TOOLS) {
            row(ui, tool, which(tool));
        }
        int broken = 0;
        for (String id : ctx.labIds()) {
            LoadResult r = ctx.catalog().read(ctx.catalog().locate(id));
            broken += r.hasErrors() ? 1 : 0;
        }
        row(ui, "labs", ctx.labIds().size() + " bundled (" + String.join(", ", ctx.labIds()) + ")"
                + (broken > 0 ? ", " + broken + " invalid: run `lab validate`" : ", all valid"));
        return 0;
    }

    private static void row(Ui ui, String name, String value) {
        ui.line(String.format("%-18s %s", name, value));
    }

    private String which(String tool) {
        String path = ctx.env().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return "-";
    }
}
