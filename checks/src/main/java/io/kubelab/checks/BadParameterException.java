package io.kubelab.checks;

/** A check was given a parameter it cannot use; the message names the parameter and what to write. */
public class BadParameterException extends IllegalArgumentException {
    public BadParameterException(String message) {
        super(message);
    }
}
