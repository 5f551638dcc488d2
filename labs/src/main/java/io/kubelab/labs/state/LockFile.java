package io.kubelab.labs.state;

import io.kubelab.labs.LabException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A lock between lab processes on one file of state (a lab's progress, the cloud ledger): an OS
 * lock, so it holds between processes and is released by the OS if the holder dies. The holder
 * writes its pid into the lock file, so a writer that waits too long can say who holds it.
 */
public final class LockFile {
    /** How long a writer waits for another lab process to finish its write (writes take milliseconds). */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private LockFile() {
    }

    /**
     * Runs {@code work} holding {@code lockFile}.
     *
     * @param what what the holder writes, for the message when it holds too long ("this lab's progress")
     */
    public static <T> T holding(Path lockFile, String what, Supplier<T> work) {
        try {
            AtomicFiles.ensurePrivateDirectory(lockFile.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ)) {
                try (FileLock lock = acquire(ch, lockFile, what)) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    return work.get();
                }
            }
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot lock " + lockFile + ": " + e.getMessage()
                    + "; is the state folder writable? (--state-dir)", e);
        }
    }

    private static FileLock acquire(FileChannel ch, Path lockFile, String what) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                FileLock lock = ch.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // Another session in this same process holds it: wait as for another process.
            }
            if (System.nanoTime() > deadline) {
                String holder = Files.readString(lockFile).strip();
                throw new LabException(LabException.Kind.STATE, "another lab process" + (holder.isEmpty() ? ""
                        : " (pid " + holder + ")") + " has been writing " + what + " for "
                        + WAIT.toSeconds() + " s; wait for it to finish, or end it");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException(LabException.Kind.STATE, "interrupted while waiting for " + lockFile);
            }
        }
    }
}
