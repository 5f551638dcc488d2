package io.kubelab.labs.nodes;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.FileRead;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.checks.host.Shell;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * This machine as a node: commands through {@link LocalHost}, copies with the same atomic replace
 * as over SFTP. A command asked to run as root does, through sudo when lab is not root, or is
 * refused: it never runs silently without root.
 */
public final class LocalNode implements Node {
    private final LocalHost host;
    private final boolean root;
    /** Whether sudo works here without a password; asked once, on the first command that needs it. */
    private Boolean passwordlessSudo;

    public LocalNode(LocalHost host) {
        this(host, labIsRoot());
    }

    LocalNode(LocalHost host, boolean root) {
        this.host = host;
        this.root = root;
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
    public ExecResult exec(ExecRequest request) throws HostUnreachableException {
        if (!request.sudo() || root) {
            return host.exec(request);
        }
        if (!passwordlessSudo()) {
            throw new HostUnreachableException(name(), "this runs as root (sudo: true) and sudo on this machine asks for "
                    + "a password, which lab cannot give it; run lab as root, or allow passwordless sudo for "
                    + host.environment().getOrDefault("USER", "your user"), true, null);
        }
        return host.exec(new ExecRequest("sudo -n -- bash -c " + Shell.quote(request.command()), request.timeout(),
                request.listener(), request.cancellation(), false));
    }

    private synchronized boolean passwordlessSudo() {
        if (passwordlessSudo == null) {
            passwordlessSudo = host.exec("sudo -n true", Duration.ofSeconds(10)).ok();
        }
        return passwordlessSudo;
    }

    /** Whether lab runs as root: the owner of /proc/self is this process's user. */
    public static boolean labIsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
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
        Path source = Path.of(remote);
        if (!Files.exists(source)) {
            throw new FileRead.Refused(remote, FileRead.Reason.MISSING);
        }
        if (!Files.isRegularFile(source)) { // /dev/zero or a FIFO would never end
            throw new FileRead.Refused(remote, FileRead.Reason.NOT_REGULAR);
        }
        AtomicFiles.copy(source, local);
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString(AtomicFiles.rwx(mode)));
    }
}
