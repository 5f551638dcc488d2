package io.kubelab.labs.state;

/** Where a step is. RUNNING is written before a step's actions start, so a killed run is seen on resume. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
