package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.cloud.CloudResource;
import io.kubelab.labs.cloud.Ledger;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.report.Json;
import io.kubelab.shell.report.Views;
import io.kubelab.shell.ui.Ui;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "resources", description = "What lab created in your cloud accounts and has not seen deleted: where, "
        + "for how long, roughly what it has cost, how to delete it.")
public final class ResourcesCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Mixin
    TextOrJson output;

    @Option(names = "--forget", paramLabel = "ID",
            description = "Take one off the ledger after you deleted it yourself (its id is in -o json).")
    String forget;

    @Option(names = {"-y", "--yes"}, description = "Do not ask first.")
    boolean yes;

    public ResourcesCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Ledger ledger = new Ledger(ctx.stateDir());
        if (forget != null) {
            return forget(ledger);
        }
        List<CloudResource> all = ledger.all();
        Instant now = Instant.now();
        if (output.json()) {
            ctx.out().println(Json.write(new Views.Resources(all.stream().map(r -> new Views.ResourceRow(r.id(), r.lab(),
                    r.provider(), r.kind(), r.name(), r.where(), r.group(), r.account(), r.since().toString(),
                    r.age(now).toSeconds(), r.perHour().toPlainString(), r.priced(), r.costSoFar(now).toPlainString(),
                    r.delete())).toList())));
            return 0;
        }
        Ui ui = ctx.ui();
        if (all.isEmpty()) {
            ui.line(ui.msg().get("resources.none"));
            return 0;
        }
        ui.line(ui.style().bold(ui.msg().get("resources.heading")));
        for (CloudResource r : all) {
            ui.line("  " + ui.style().bold(r.what()) + "  " + CloudLedgerView.place(ctx, r) + ui.style().dim("  ("
                    + r.lab() + ")"));
            ui.line("    " + ui.msg().get("resources.row", CloudLedgerView.age(ui, r.age(now)),
                    CloudLedgerView.dollars(r.costSoFar(now)), r.rate(), r.priced()));
            ui.line("    " + ui.msg().get("resources.delete", ui.style().code(r.delete())));
        }
        ui.line(ui.msg().get("resources.total", CloudLedgerView.dollars(CloudLedgerView.total(all, now)),
                CloudLedgerView.dollars(CloudLedgerView.perHour(all))));
        ui.note(ui.style().dim(ui.msg().get("resources.teardown")));
        return 0;
    }

    private int forget(Ledger ledger) {
        Ui ui = ctx.ui();
        Optional<CloudResource> r = ledger.all().stream().filter(x -> x.id().equals(forget)).findFirst();
        if (r.isEmpty()) {
            throw LabException.badInput("nothing on the cloud ledger has the id " + forget
                    + "; `lab resources -o json` lists the ids");
        }
        if (!yes) {
            Optional<Boolean> ok = ctx.prompter().confirm(ui.msg().get("resources.forget-ask", r.get().what(),
                    r.get().delete()));
            if (ok.isEmpty()) {
                throw LabException.badInput("taking a resource off the cloud ledger asks first; pass --yes once you "
                        + "have deleted it");
            }
            if (!ok.get()) {
                return 0;
            }
        }
        ledger.remove(forget);
        ui.line(ui.msg().get("resources.forgotten", r.get().what()));
        return 0;
    }
}
