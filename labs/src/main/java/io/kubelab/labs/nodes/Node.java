package io.kubelab.labs.nodes;

import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A machine a lab works on: this machine, or a learner's node over SSH. Runs commands and reads
 * files (as a check's {@link Host}), copies files both ways, and knows the address other
 * machines reach it at.
 */
public interface Node extends Host {

    /** The address other machines reach this one at: {@code {{host.address}}} in lab content. */
    String networkAddress();

    /**
     * Copies a local file to {@code remote}, creating its folder. The file lands atomically: a
     * reader sees the old file or the new, never half.
     *
     * @param mode  octal permissions, e.g. "0644"
     * @param owner "user" or "user:group", or null to leave it to the login user
     */
    void upload(Path local, String remote, String mode, String owner) throws IOException, HostUnreachableException;

    /** Copies {@code remote} to a local file (replaced atomically) with the permissions {@code mode}. */
    void download(String remote, Path local, String mode) throws IOException, HostUnreachableException;
}
