package io.kubelab.shell.context;

import io.kubelab.labs.LabException;
import picocli.CommandLine;

/** The exit codes, and the one table that maps what went wrong to them. */
public final class ExitCode {
    public static final int OK = 0;
    /** Checks failed, or steps are pending. */
    public static final int NOT_DONE = 1;
    /** Bad usage or invalid content. */
    public static final int USAGE = 2;
    /** The learner's environment could not be reached. */
    public static final int UNREACHABLE = 3;
    /** A bug in lab (stack trace with --debug). */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }

    public static int of(Throwable t) {
        if (t instanceof LabException e) {
            return switch (e.kind()) {
                // lab's state folder is the learner's data: a damaged, locked or read-only file is theirs to fix.
                case BAD_INPUT, BAD_CONTENT, STATE -> USAGE;
                case UNREACHABLE -> UNREACHABLE;
            };
        }
        if (t instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return INTERNAL;
    }
}
