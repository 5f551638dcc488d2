package io.kubelab.labs.run;

import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.actions.NodeOutcome;
import io.kubelab.labs.model.Step;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event the runner reports, as text, for assertions. */
public final class RecordingListener implements RunListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarting(Step step, String host, String command) {
        events.add("start " + host + ": " + command);
    }

    @Override
    public void commandSkipped(Step step, String host, String command, String reason) {
        events.add("skip " + host + ": " + command + " (" + reason + ")");
    }

    @Override
    public void output(String host, OutputListener.Stream stream, String line) {
        events.add("out " + host + ": " + line);
    }

    @Override
    public void stillRunning(String host, String command, Duration elapsed) {
        events.add("still " + host);
    }

    @Override
    public void commandFinished(Step step, String host, NodeOutcome outcome) {
        events.add("end " + host + ": " + (outcome.ok() ? "ok" : outcome.problem()));
    }

    @Override
    public void planned(Step step, String host, String command, String guard) {
        events.add("plan " + host + ": " + command + (guard.isEmpty() ? "" : " # " + guard));
    }

    @Override
    public void captured(String variable, String shownValue) {
        events.add("captured " + variable + " = " + shownValue);
    }

    @Override
    public void warning(String message) {
        events.add("note: " + message);
    }

    String all() {
        return String.join("\n", events);
    }

    /** Every event so far, one per line. */
    public String text() {
        return all();
    }

    public void clear() {
        events.clear();
    }
}
