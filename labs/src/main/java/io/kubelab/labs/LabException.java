package io.kubelab.labs;

/**
 * Something the learner (or author) can fix, with a message that is one clear line: what is
 * wrong and what to do next. The kind decides the shell's exit code.
 */
public class LabException extends RuntimeException {

    public enum Kind {
        /** Bad usage or bad input (exit 2). */
        BAD_INPUT,
        /** Invalid lab content (exit 2). */
        BAD_CONTENT,
        /** The learner's environment could not be reached (exit 3). */
        UNREACHABLE,
        /** lab's state folder could not be read or written: the learner's data, theirs to fix (exit 2). */
        STATE
    }

    private final Kind kind;

    public LabException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LabException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static LabException badInput(String message) {
        return new LabException(Kind.BAD_INPUT, message);
    }
}
