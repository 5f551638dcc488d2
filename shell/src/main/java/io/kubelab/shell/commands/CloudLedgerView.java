package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.labs.cloud.CloudResource;
import io.kubelab.labs.cloud.Ledger;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Sentences;
import io.kubelab.shell.ui.Ui;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The cloud ledger in the learner's view: one warning line wherever they look at their labs
 * (list, status, the REPL's banner) while anything lab created in their cloud accounts is still
 * on record, and the words `lab resources` lists it in.
 */
public final class CloudLedgerView {
    private CloudLedgerView() {
    }

    /** Warns while resources are on the ledger; a damaged ledger is said too, never hidden. */
    public static void warnIfBilling(ShellContext ctx) {
        Ui ui = ctx.ui();
        List<CloudResource> all;
        try {
            all = new Ledger(ctx.stateDir()).all();
        } catch (LabException e) {
            ui.warn(Sentences.say(e.getMessage(), ctx.language()));
            return;
        }
        if (all.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String what = String.join(ui.msg().get("ledger.separator"), all.stream().map(r -> ui.msg().get("ledger.one", r.what(),
                place(ctx, r), age(ui, r.age(now)))).toList());
        ui.warn(ui.msg().get("ledger.warning", what, dollars(total(all, now))));
    }

    static BigDecimal total(List<CloudResource> all, Instant now) {
        return all.stream().map(r -> r.costSoFar(now)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal perHour(List<CloudResource> all) {
        return all.stream().map(CloudResource::perHour).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String dollars(BigDecimal amount) {
        return "$" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** "gcp us-central1-a, project p" in the learner's language. */
    static String place(ShellContext ctx, CloudResource r) {
        return Sentences.say(r.place(), ctx.language());
    }

    /** "2 h 05 min", "3 min". */
    static String age(Ui ui, Duration d) {
        long minutes = d.toMinutes();
        return minutes < 60 ? ui.msg().get("ledger.minutes", minutes)
                : ui.msg().get("ledger.hours", minutes / 60, String.format("%02d", minutes % 60));
    }
}
