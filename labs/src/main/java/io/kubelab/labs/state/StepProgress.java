package io.kubelab.labs.state;

/**
 * One step's progress.
 *
 * @param hintsShown how many of the graduated hints the learner has seen
 * @param answer     the learner's last quiz answer (choice ids or text), or null
 * @param correct    whether that answer was right, or null when unanswered
 */
public record StepProgress(StepState state, int hintsShown, String answer, Boolean correct) {

    public static final StepProgress NEW = new StepProgress(StepState.PENDING, 0, null, null);

    public StepProgress {
        state = state == null ? StepState.PENDING : state;
    }

    public StepProgress withState(StepState s) {
        return new StepProgress(s, hintsShown, answer, correct);
    }

    public StepProgress withHints(int n) {
        return new StepProgress(state, n, answer, correct);
    }

    /** The last answer counts: a wrong one after a right one undoes the step. */
    public StepProgress withAnswer(String a, boolean right) {
        return new StepProgress(right ? StepState.DONE : StepState.FAILED, hintsShown, a, right);
    }
}
