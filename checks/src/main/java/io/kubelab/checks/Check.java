package io.kubelab.checks;

/**
 * One verification, configured from its parameters and ready to run. A check never throws for
 * a problem in the learner's environment: it returns a result that says what it saw.
 */
@FunctionalInterface
public interface Check {
    CheckResult run(CheckContext context);
}
