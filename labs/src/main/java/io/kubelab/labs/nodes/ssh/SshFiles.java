package io.kubelab.labs.nodes.ssh;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.FileRead;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.checks.host.Shell;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Copies files to and from one node over SFTP. An upload is written beside its target (same file
 * system) and renamed over it, so a reader sees the old file or the new one, never half of one;
 * where the login needs sudo to write there, it goes through /tmp and is installed as root.
 */
final class SshFiles {
    private final SshConnection connection;
    private final SshCommands commands;
    private final SecureRandom random = new SecureRandom();

    SshFiles(SshConnection connection, SshCommands commands) {
        this.connection = connection;
        this.commands = commands;
    }

    void upload(Path local, String remote, String mode, String owner) throws IOException, HostUnreachableException {
        String id = HexFormat.of().formatHex(randomBytes());
        String dir = remote.contains("/") ? remote.substring(0, remote.lastIndexOf('/')) : ".";
        String base = remote.substring(remote.lastIndexOf('/') + 1);
        boolean root = commands.sudoNeeded(false);
        String finalTmp = dir + "/." + base + ".kubelab-" + id;
        // Without root, the upload goes straight beside the target; with sudo, via /tmp and then copied beside it.
        String staged = root ? "/tmp/.kubelab-" + id : finalTmp;
        if (!root) {
            expectOk(commands.exec(ExecRequest.of("mkdir -p " + Shell.quote(dir.isEmpty() ? "/" : dir),
                    Duration.ofSeconds(30))), "create " + dir);
        }
        try {
            connection.sftp().put(new net.schmizz.sshj.xfer.FileSystemFile(local.toFile()), staged);
        } catch (IOException e) {
            quietRemove(staged);
            throw new IOException("upload of " + local + " to " + connection.name() + ":" + remote + " failed: "
                    + SshConnection.why(e), e);
        }
        StringBuilder script = new StringBuilder("set -e; ");
        if (root) {
            script.append("mkdir -p ").append(Shell.quote(dir.isEmpty() ? "/" : dir)).append("; cp ")
                    .append(Shell.quote(staged)).append(' ').append(Shell.quote(finalTmp)).append("; rm -f ")
                    .append(Shell.quote(staged)).append("; ");
        }
        script.append("chmod ").append(mode == null ? "0644" : mode).append(' ').append(Shell.quote(finalTmp)).append("; ");
        if (owner != null && !owner.isBlank()) {
            script.append("chown ").append(Shell.quote(owner)).append(' ').append(Shell.quote(finalTmp)).append("; ");
        }
        script.append("mv -f ").append(Shell.quote(finalTmp)).append(' ').append(Shell.quote(remote));
        ExecResult r = commands.exec(new ExecRequest(script + " || { rm -f " + Shell.quote(finalTmp) + "; exit 1; }",
                Duration.ofMinutes(2), OutputListener.NONE, null, root));
        expectOk(r, "install " + remote);
    }

    void download(String remote, Path local, String mode) throws IOException, HostUnreachableException {
        AtomicFiles.ensurePrivateDirectory(local.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(local.toAbsolutePath().getParent(), "." + local.getFileName(), ".part");
        try {
            String source = commands.sudoNeeded(false) ? stagedAsRoot(remote) : remote;
            try {
                // Only a regular file: SFTP would stream /dev/zero or a FIFO's writer forever.
                if (connection.sftp().stat(source).getType() != net.schmizz.sshj.sftp.FileMode.Type.REGULAR) {
                    throw new FileRead.Refused(connection.name() + ":" + remote, FileRead.Reason.NOT_REGULAR);
                }
                connection.sftp().get(source, new net.schmizz.sshj.xfer.FileSystemFile(tmp.toFile()));
            } catch (FileRead.Refused e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("cannot fetch " + connection.name() + ":" + remote + ": "
                        + SshConnection.why(e), e);
            } finally {
                if (!source.equals(remote)) {
                    quietRemove(source);
                }
            }
            if (mode != null) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(AtomicFiles.rwx(mode)));
            }
            Files.move(tmp, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A copy of a file only root can read, made as root into a private temporary file the login
     * user owns, so that SFTP streams it whatever its size (the command channel holds a bounded
     * amount of output).
     */
    private String stagedAsRoot(String remote) throws IOException, HostUnreachableException {
        String staged = "/tmp/.kubelab-fetch-" + HexFormat.of().formatHex(randomBytes());
        String f = Shell.quote(remote);
        ExecResult r = commands.exec(new ExecRequest("if [ ! -e " + f + " ]; then echo 'no such file' >&2; exit 3; fi; "
                + "if [ ! -f " + f + " ]; then echo 'not a regular file' >&2; exit 3; fi; "
                + "install -m 600 -o " + Shell.quote(connection.spec().user()) + " -- " + f + " " + Shell.quote(staged),
                Duration.ofMinutes(10), OutputListener.NONE, null, true));
        if (r.exitCode() == 3) {
            throw new FileRead.Refused(connection.name() + ":" + remote, r.stderr().contains("no such")
                    ? FileRead.Reason.MISSING : FileRead.Reason.NOT_REGULAR);
        }
        expectOk(r, "read " + remote + " as root");
        return staged;
    }

    /** A whole (small) file, as the login user. */
    byte[] read(String path) throws IOException, HostUnreachableException {
        return readAsRoot(path, false);
    }

    /** Reads a small file through base64 on the command channel, so sudo can read what the login user cannot. */
    private byte[] readAsRoot(String path, boolean sudo) throws IOException, HostUnreachableException {
        ExecResult r = commands.exec(new ExecRequest(FileRead.command(path), Duration.ofMinutes(2),
                OutputListener.NONE, null, sudo));
        return FileRead.decode(r, path, connection.name());
    }

    private void expectOk(ExecResult r, String what) throws IOException {
        if (!r.ok()) {
            throw new IOException("could not " + what + " on " + connection.name() + ": " + (r.output().isBlank()
                    ? "exit status " + r.exitCode() : r.output().strip()));
        }
    }

    private void quietRemove(String path) {
        try {
            commands.exec(ExecRequest.of("rm -f " + Shell.quote(path), Duration.ofSeconds(10)));
        } catch (HostUnreachableException e) {
            // The connection is gone; the hidden temp file stays behind, never the target.
        }
    }

    private byte[] randomBytes() {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return b;
    }
}
