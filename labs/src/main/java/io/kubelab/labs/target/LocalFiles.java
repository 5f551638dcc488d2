package io.kubelab.labs.target;

import io.kubelab.checks.host.LocalHost;
import io.kubelab.checks.host.Shell;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** Copies on this machine, with the same atomic replace as over SFTP. */
public record LocalFiles(LocalHost host) implements FileTransfer {

    @Override
    public void upload(Path local, String remote, String mode, String owner) throws IOException {
        Path target = Path.of(remote);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".kubelab");
        try {
            Files.copy(local, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(rwx(mode)));
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
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString(rwx(mode)));
    }

    /** "0640" as "rw-r-----". */
    public static String rwx(String octal) {
        int m = Integer.parseInt(octal == null ? "0644" : octal, 8);
        StringBuilder sb = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (m >> shift) & 7;
            sb.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return sb.toString();
    }
}
