package io.kubelab.labs.run;

import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.actions.NodeOutcome;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.values.Redactor;
import java.time.Duration;
import java.util.function.Supplier;

/** Passes on what a running step reports with every text masked: the one way a step's words reach the learner. */
final class RedactingListener implements RunListener {
    private final RunListener next;
    private final Supplier<Redactor> redactor;

    /** @param redactor the current one: a value captured mid-step is masked from then on */
    RedactingListener(RunListener next, Supplier<Redactor> redactor) {
        this.next = next;
        this.redactor = redactor;
    }

    private String r(String text) {
        return redactor.get().redact(text);
    }

    @Override
    public void commandStarting(Step step, String host, String command) {
        next.commandStarting(step, host, r(command));
    }

    @Override
    public void commandSkipped(Step step, String host, String command, String reason) {
        next.commandSkipped(step, host, r(command), r(reason));
    }

    @Override
    public void output(String host, OutputListener.Stream stream, String line) {
        next.output(host, stream, r(line));
    }

    @Override
    public void warning(String message) {
        next.warning(r(message));
    }

    @Override
    public void outputPaused() {
        next.outputPaused();
    }

    @Override
    public void stillRunning(String host, String command, Duration elapsed) {
        next.stillRunning(host, r(command), elapsed);
    }

    @Override
    public void commandFinished(Step step, String host, NodeOutcome outcome) {
        next.commandFinished(step, host, outcome.redacted(this::r));
    }

    @Override
    public void planned(Step step, String host, String command, String guard) {
        next.planned(step, host, r(command), r(guard));
    }

    @Override
    public void captured(String variable, String shownValue) {
        next.captured(variable, r(shownValue));
    }
}
