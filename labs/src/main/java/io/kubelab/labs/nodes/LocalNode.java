package io.kubelab.labs.nodes;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.checks.host.Shell;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** This machine as a node: commands through {@link LocalHost}, copies with the same atomic replace as over SFTP. */
public final class LocalNode implements Node {
    private final LocalHost host;

    public LocalNode(LocalHost host) {
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

    @Override
    public String networkAddress() {
        return "127.0.0.1";
    }

    @Override
    public ExecResult exec(ExecRequest request) {
        return host.exec(request);
    }

    /** This machine is always reachable. */
    @Override
    public ExecResult exec(String command, Duration timeout) {
        return host.exec(command, timeout);
    }

    @Override
    public byte[] read(String path) throws IOException {
        return host.read(path);
    }

    @Override
    public void upload(Path local, String remote, String mode, String owner) throws IOException {
        Path target = Path.of(remote);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".kubelab");
        try {
            Files.copy(local, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(AtomicFiles.rwx(mode)));
            if (owner != null && !owner.isBlank()
                    && !host.exec("chown " + Shell.quote(owner) + " " + Shell.quote(tmp.toString()), Duration.ofSeconds(20)).ok()) {
                throw new IOException("cannot chown " + target + " to " + owner);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void download(String remote, Path local, String mode) throws IOException {
        AtomicFiles.write(local, Files.readAllBytes(Path.of(remote)));
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString(AtomicFiles.rwx(mode)));
    }
}
