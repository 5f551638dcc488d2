package io.kubelab.labs.labtest;

/** What `lab test` proves of a step, in the order it proves it. */
public enum Phase {
    /** The step's checks do not pass yet (prerequisites excepted): they can tell done from not done. */
    BEFORE,
    /** The step's actions run to the end. */
    RUN,
    /** Then its checks pass. */
    AFTER,
    /** A question: its right answer is graded right. */
    RIGHT_ANSWER,
    /** And a wrong one wrong. */
    WRONG_ANSWER;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
