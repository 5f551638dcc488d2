package io.kubelab.labs.target;

import io.kubelab.checks.host.HostUnreachableException;
import java.io.IOException;
import java.nio.file.Path;

/** Copies files to and from a host. An upload lands atomically: a reader sees the old file or the new, never half. */
public interface FileTransfer {

    /**
     * Copies a local file to {@code remote}, creating its folder.
     *
     * @param mode  octal permissions, e.g. "0644"
     * @param owner "user" or "user:group", or null to leave it to the login user
     */
    void upload(Path local, String remote, String mode, String owner) throws IOException, HostUnreachableException;

    /** Copies {@code remote} to a local file (replaced atomically), readable by the owner only when {@code mode} says so. */
    void download(String remote, Path local, String mode) throws IOException, HostUnreachableException;
}
