package io.kubelab.labs.run;

import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.actions.NodeOutcome;
import io.kubelab.labs.model.Step;
import java.time.Duration;

/**
 * What the runner reports while it works; the shell renders it (in the learner's language).
 * Every text passed here is already redacted.
 */
public interface RunListener {

    /** An action is about to run on {@code host}. */
    void commandStarting(Step step, String host, String command);

    /** An action was skipped: a condition, or a guard showed its work is already done. */
    void commandSkipped(Step step, String host, String command, String reason);

    /** A line of a running command's output. */
    void output(String host, OutputListener.Stream stream, String line);

    /** Something the learner should know that does not stop the step (a record that could not be written). */
    default void warning(String message) {
    }

    /** Commands have printed all they had for now: output may be flushed. */
    default void outputPaused() {
    }

    /** A long command is still running. */
    void stillRunning(String host, String command, Duration elapsed);

    /** An action ended on one node. */
    void commandFinished(Step step, String host, NodeOutcome outcome);

    /** In a dry run: what would run where (nothing is touched). */
    void planned(Step step, String host, String command, String guard);

    /** A variable got a value from a command's output. */
    void captured(String variable, String shownValue);

    RunListener SILENT = new RunListener() {
        @Override
        public void commandStarting(Step step, String host, String command) {
        }

        @Override
        public void commandSkipped(Step step, String host, String command, String reason) {
        }

        @Override
        public void output(String host, OutputListener.Stream stream, String line) {
        }

        @Override
        public void stillRunning(String host, String command, Duration elapsed) {
        }

        @Override
        public void commandFinished(Step step, String host, NodeOutcome outcome) {
        }

        @Override
        public void planned(Step step, String host, String command, String guard) {
        }

        @Override
        public void captured(String variable, String shownValue) {
        }
    };
}
