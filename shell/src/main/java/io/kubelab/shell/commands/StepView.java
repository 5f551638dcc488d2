package io.kubelab.shell.commands;

import io.kubelab.labs.actions.Action;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.values.Redactor;
import io.kubelab.shell.context.ShellContext;
import io.kubelab.shell.ui.Ui;
import java.util.List;
import java.util.Map;

/** How a step is shown: heading, text, what it will run where, how it is checked, its question. */
final class StepView {
    private StepView() {
    }

    static void show(ShellContext ctx, LabSession session, Step step) {
        Ui ui = ctx.ui();
        String lang = ctx.language();
        ui.blank();
        ui.stepHeading(session.lab(), step, session.shown(step.title().in(lang)));
        ui.blank();
        if (!step.body().isEmpty()) {
            ui.markdown(session.shown(step.body().in(lang)));
            ui.blank();
        }
        Redactor redactor = session.variables().redactor();
        // What `run` would refuse is said where the commands are shown, not only when they are run.
        session.refusals(step).forEach(ui::warn);
        if (!step.actions().isEmpty()) {
            ui.line(ui.style().bold(ui.msg().get("show.runs")));
            for (Action a : step.actions()) {
                String where = a.on().equals("local") ? ui.msg().get("run.local") : a.on();
                String what = a.describe(session.variables().renderer());
                // A script's lines stand under its first, as a dry run shows them.
                ui.line("  " + ui.msg().get("run.where", where) + ui.style().code(redactor.redact(what).strip().replace("\n", "\n      ")));
                a.condition().ifPresent(c -> ui.line("      " + ui.style().dim(applies(ui, session, c))));
                for (String name : a.references()) {
                    if (!session.variables().has(name)) {
                        session.capturedIn(name).filter(s -> !s.equals(step)).ifPresent(s ->
                                ui.line("      " + ui.style().dim(ui.msg().get("show.captured", name, s.id()))));
                    }
                }
            }
            ui.blank();
        }
        // gcloud and az have no preview of a create: the preview is the command above and its price.
        List<String> bill = billOrNothing(session, step);
        if (!bill.isEmpty()) {
            ui.line(ui.style().bold(ui.msg().get("show.costs")));
            // The heading says what the bill's first line says: the resources, then where they stay.
            bill.subList(1, bill.size()).forEach(line -> ui.line("  " + io.kubelab.shell.ui.Sentences.say(line.strip(), lang)));
            ui.blank();
        }
        if (!step.checks().isEmpty()) {
            ui.line(ui.style().bold(ui.msg().get("show.checks")));
            for (CheckSpec c : step.checks()) {
                // Titles with {{variables}} filled in as they will be checked (secrets masked).
                String title = c.title().isEmpty() ? c.kind() : session.shown(c.title().in(lang));
                ui.line("  • " + title + ui.style().dim(" (" + c.id() + ")"));
            }
            ui.blank();
        }
        if (step.isQuestion()) {
            question(ui, step, lang);
        }
        ui.line(ui.style().dim(ui.msg().get(step.isQuestion() ? "show.next-question"
                : step.actions().isEmpty() ? "show.next-check" : "show.next-run")));
    }

    /** The step's bill, or nothing while a variable it names has no value yet (the learner sees {{project}} above). */
    private static List<String> billOrNothing(LabSession session, Step step) {
        try {
            return session.bill(step);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static void question(Ui ui, Step step, String lang) {
        ui.line(ui.style().bold("? " + step.quiz().question().in(lang)));
        for (Map.Entry<String, Text> c : step.quiz().choices().entrySet()) {
            ui.line("  " + ui.style().bold(c.getKey() + ")") + " " + c.getValue().in(lang));
        }
        ui.line(ui.style().dim(ui.msg().get("quiz.how." + step.quiz().type().word())));
        ui.blank();
    }

    /** "only when kube_control_plane >= 3", and whether it applies to the inventory known now. */
    private static String applies(Ui ui, LabSession s, io.kubelab.labs.actions.Condition c) {
        if (c.onVariable()) {
            String value = s.variables().get(c.subject()).orElse("");
            return ui.msg().get(c.holdsFor(value) ? "show.applies-value" : "show.does-not-apply-value", c.toString(),
                    c.subject(), value);
        }
        if (s.nodes().inventoryFile().isEmpty()) {
            return ui.msg().get("show.only-when", c.toString());
        }
        int count = s.nodes().count(c.group());
        return ui.msg().get(c.holds(count) ? "show.applies" : "show.does-not-apply", c.toString(), c.group(), count);
    }

    /** Says which earlier step is not done yet when the learner moves past it (next, goto, run of a later step). */
    static void warnUnfinished(ShellContext ctx, LabSession s, Step step) {
        List<Step> open = s.unfinishedBefore(step);
        if (!open.isEmpty()) {
            Ui ui = ctx.ui();
            ui.warn(ui.msg().get(open.size() == 1 ? "move.unfinished-one" : "move.unfinished", open.get(0).id(),
                    open.size(), ctx.typed("goto " + open.get(0).id(), s.lab().id())));
        }
    }

    /** Tells a learner coming back where they are, and about a step a killed run left half done. */
    static void resumeNote(ShellContext ctx, LabSession s) {
        Ui ui = ctx.ui();
        ui.line(ui.style().bold(s.lab().title().in(ctx.language())) + ui.style().dim("  (" + s.lab().id() + ")"));
        s.interrupted().ifPresent(step -> ui.warn(ui.msg().get("resume.interrupted", step.id())));
        if (s.nodes().inventoryFile().isEmpty() && s.usesNodes(s.lab().steps())) {
            ui.warn(s.missingInventory()); // once, here, rather than at every action and check
        }
        CloudLedgerView.warnIfBilling(ctx);
    }
}
