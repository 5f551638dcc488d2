package io.kubelab.checks.host;

/** Receives a command's output as it comes, one line at a time. */
@FunctionalInterface
public interface OutputListener {

    enum Stream { STDOUT, STDERR }

    OutputListener NONE = (stream, line) -> { };

    void line(Stream stream, String line);

    /** The command has printed all it had for now: a good moment to flush a terminal. */
    default void pause() {
    }
}
