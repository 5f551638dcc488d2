package io.kubelab.labs.nodes;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.nodes.ssh.SshHost;
import java.io.IOException;
import java.nio.file.Path;

/** A learner's node of the inventory, reached over SSH. */
final class SshNode implements Node {
    private final SshHost host;

    SshNode(SshHost host) {
        this.host = host;
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public String address() {
        return host.address();
    }

    /** Where lab itself connects (ansible_host): the address the other nodes reach it at too. */
    @Override
    public String networkAddress() {
        return host.spec().address();
    }

    @Override
    public ExecResult exec(ExecRequest request) throws HostUnreachableException {
        return host.exec(request);
    }

    @Override
    public byte[] read(String path) throws IOException, HostUnreachableException {
        return host.read(path);
    }

    @Override
    public void upload(Path local, String remote, String mode, String owner) throws IOException, HostUnreachableException {
        host.upload(local, remote, mode, owner);
    }

    @Override
    public void download(String remote, Path local, String mode) throws IOException, HostUnreachableException {
        host.download(remote, local, mode);
    }
}
