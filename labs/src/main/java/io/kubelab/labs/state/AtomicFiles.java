package io.kubelab.labs.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that a reader (or the next start after a crash) sees either the old content or
 * the new, never half of either: temp file beside the target, fsync, rename, fsync the folder.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically, readable by the owner only (0600). */
    public static void write(Path target, byte[] bytes) throws IOException {
        replace(target, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        });
    }

    /** Copies a file of any size to {@code target} atomically (streamed, never held whole), 0600. */
    public static void copy(Path source, Path target) throws IOException {
        replace(target, ch -> {
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                long size = in.size();
                long at = 0;
                while (at < size) {
                    at += in.transferTo(at, size - at, ch);
                }
            }
        });
    }

    private interface Content {
        void writeTo(FileChannel ch) throws IOException;
    }

    private static void replace(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        ensurePrivateDirectory(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates a folder, and any missing parents, that only the owner can enter: state may hold keys. */
    public static void ensurePrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir); // not a POSIX file system: nothing more we can do
        }
    }

    /** Creates an empty file readable by the owner only, unless it exists. */
    public static void ensurePrivateFile(Path file) throws IOException {
        ensurePrivateDirectory(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Made already (perhaps just now, by another thread): fine.
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder for sync; the rename itself is still atomic.
        }
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
