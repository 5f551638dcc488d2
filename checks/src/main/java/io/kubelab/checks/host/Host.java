package io.kubelab.checks.host;

import java.io.IOException;
import java.time.Duration;

/**
 * A machine a check or an action runs on: this machine, or a learner's node over SSH.
 * Small on purpose: run a command, read a file. Everything else is built on these two.
 */
public interface Host {

    /** The name the learner knows the host by ("local", "node1"). */
    String name();

    /** Where it really is, for evidence lines: "this machine", "root@10.0.0.11:22". */
    String address();

    /**
     * Runs a shell command and waits for it, streaming its output to the request's listener.
     *
     * @throws HostUnreachableException when the host cannot be reached or logged in to; the
     *                                  message names the host and the reason
     */
    ExecResult exec(ExecRequest request) throws HostUnreachableException;

    default ExecResult exec(String command, Duration timeout) throws HostUnreachableException {
        return exec(ExecRequest.of(command, timeout));
    }

    /**
     * Reads a whole small file: a regular file of at most {@link FileRead#MAX_BYTES}.
     *
     * @throws FileRead.Refused when it is missing, unreadable, not a regular file or too large
     */
    default byte[] read(String path) throws IOException, HostUnreachableException {
        return FileRead.decode(exec(FileRead.command(path), Duration.ofSeconds(20)), path, name());
    }
}
