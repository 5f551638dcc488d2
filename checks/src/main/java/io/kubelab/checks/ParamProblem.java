package io.kubelab.checks;

/**
 * One thing wrong with the parameters a check is given, naming the parameter (null when the check
 * refused its parameters as a whole), so a validator can point at where it is written.
 */
public record ParamProblem(String param, Reason reason, String message) {

    public enum Reason {
        /** The kind has no parameter by that name. */
        UNKNOWN,
        /** A required parameter is not given. */
        MISSING,
        /** The value has the wrong shape (a list where a number goes). */
        WRONG_TYPE,
        /** The check itself refused the value (a bad pattern, a port range backwards). */
        BAD_VALUE
    }
}
