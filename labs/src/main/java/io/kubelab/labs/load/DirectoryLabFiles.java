package io.kubelab.labs.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A lab in a folder on disk (an author's work in progress, or `lab validate path`).
 *
 * @param folder  where it is (absolute)
 * @param shownAs how to name it in messages: the path as the author typed it
 */
public record DirectoryLabFiles(Path folder, Path shownAs) implements LabFiles {

    public DirectoryLabFiles {
        folder = folder.toAbsolutePath().normalize();
    }

    public DirectoryLabFiles(Path folder) {
        this(folder, folder);
    }

    @Override
    public Optional<byte[]> bytes(String relativePath, int limit) throws IOException {
        Path p = folder.resolve(relativePath).normalize();
        if (!p.startsWith(folder) || !Files.exists(p)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(p)) {
            // A folder, a FIFO or a device: reading a FIFO would wait forever.
            throw new IOException("not a regular file");
        }
        try (InputStream in = Files.newInputStream(p)) {
            return Optional.of(in.readNBytes(limit));
        }
    }

    @Override
    public String display(String relativePath) {
        return shownAs.resolve(relativePath).normalize().toString();
    }

    /** The id and the first 8 hex digits of the SHA-256 of the folder's absolute path. */
    @Override
    public String stateKey() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(folder.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return folderName() + "-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String folderName() {
        Path name = folder.getFileName();
        return name == null ? "" : name.toString();
    }
}
