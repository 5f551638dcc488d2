package io.kubelab.checks.host;

import java.time.Duration;

/**
 * One command to run.
 *
 * @param command      the shell command line (run by {@code bash -c} locally, by the login shell over SSH)
 * @param timeout      when to give up and end the command's whole process tree
 * @param listener     receives output line by line as it comes
 * @param cancellation ended from elsewhere (Ctrl-C); the command's processes are ended too
 * @param sudo         run as root (sudo when the login user is not root)
 */
public record ExecRequest(String command, Duration timeout, OutputListener listener, Cancellation cancellation,
                          boolean sudo) {

    public ExecRequest {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a command needs a positive timeout");
        }
        listener = listener == null ? OutputListener.NONE : listener;
        cancellation = cancellation == null ? new Cancellation() : cancellation;
    }

    public static ExecRequest of(String command, Duration timeout) {
        return new ExecRequest(command, timeout, OutputListener.NONE, new Cancellation(), false);
    }

    public ExecRequest withListener(OutputListener l) {
        return new ExecRequest(command, timeout, l, cancellation, sudo);
    }

    public ExecRequest withCancellation(Cancellation c) {
        return new ExecRequest(command, timeout, listener, c, sudo);
    }

    public ExecRequest asRoot(boolean root) {
        return new ExecRequest(command, timeout, listener, cancellation, root);
    }
}
