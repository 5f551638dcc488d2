package io.kubelab.labs.nodes.ssh;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.nodes.inventory.InventoryHost;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A learner's node over SSH (sshj): its one connection ({@link SshConnection}), the commands run on
 * it ({@link SshCommands}) and the files copied to and from it ({@link SshFiles}).
 */
public final class SshHost implements Host, AutoCloseable {
    private final SshConnection connection;
    private final SshCommands commands;
    private final SshFiles files;

    SshHost(SshConnection connection, SshCommands commands) {
        this.connection = connection;
        this.commands = commands;
        this.files = new SshFiles(connection, commands);
    }

    public InventoryHost spec() {
        return connection.spec();
    }

    @Override
    public String name() {
        return connection.name();
    }

    @Override
    public String address() {
        return connection.describe();
    }

    @Override
    public ExecResult exec(ExecRequest request) throws HostUnreachableException {
        return commands.exec(request);
    }

    @Override
    public byte[] read(String path) throws IOException, HostUnreachableException {
        return files.read(path);
    }

    /** Copies a local file to {@code remote}, creating its folder; replaced atomically. */
    public void upload(Path local, String remote, String mode, String owner) throws IOException, HostUnreachableException {
        files.upload(local, remote, mode, owner);
    }

    /** Copies {@code remote} to a local file, replaced atomically, with {@code mode}. */
    public void download(String remote, Path local, String mode) throws IOException, HostUnreachableException {
        files.download(remote, local, mode);
    }

    /** The open connection (tests look at its reuse). */
    net.schmizz.sshj.SSHClient client() throws HostUnreachableException {
        return connection.client();
    }

    @Override
    public void close() {
        commands.closeRunners();
        connection.close();
        commands.forgetSudo();
    }
}
