package io.kubelab.labs.run;

import io.kubelab.checks.host.Cancellation;

/**
 * How to run steps.
 *
 * @param yes          run steps that ask first (teardowns) without asking
 * @param parallelism  how many hosts of a group run at once
 */
public record RunOptions(boolean yes, Cancellation cancellation, int parallelism) {
    public static final int DEFAULT_PARALLELISM = 32;

    public RunOptions {
        cancellation = cancellation == null ? new Cancellation() : cancellation;
        parallelism = parallelism <= 0 ? DEFAULT_PARALLELISM : parallelism;
    }

    public static RunOptions defaults() {
        return new RunOptions(false, new Cancellation(), DEFAULT_PARALLELISM);
    }
}
