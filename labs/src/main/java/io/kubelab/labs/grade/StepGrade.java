package io.kubelab.labs.grade;

/**
 * One step for one learner.
 *
 * @param earned the points it earned
 * @param worth  the points it can earn (0 when it was not graded)
 */
public record StepGrade(String step, Verdict verdict, int earned, int worth) {
}
