package io.kubelab.checks.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reading a small file on a host (a certificate, a kubeconfig): a regular file of at most
 * {@link #MAX_BYTES}, read without ever holding more, and each refusal a {@link Refused} with a
 * reason a learner can act on. {@code /dev/zero} or a FIFO is refused at once, not read forever.
 */
public final class FileRead {
    /** Far above any certificate or kubeconfig; a cap, so a wrong path costs nothing. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final String MARK = "kubelab-read: ";

    private FileRead() {
    }

    public enum Reason {
        MISSING("does not exist"),
        DENIED("cannot be read: permission denied"),
        NOT_REGULAR("is not a regular file (a folder, a device or a pipe)"),
        TOO_LARGE("is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");

        private final String says;

        Reason(String says) {
            this.says = says;
        }
    }

    /** A file lab would not or could not read, and why. */
    public static final class Refused extends IOException {
        private final Reason reason;
        private final String path;

        public Refused(String path, Reason reason) {
            super(path + " " + reason.says);
            this.reason = reason;
            this.path = path;
        }

        public String path() {
            return path;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** A file on this machine. */
    public static byte[] local(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new Refused(p.toString(), Reason.MISSING);
        }
        if (!Files.isRegularFile(p)) {
            throw new Refused(p.toString(), Reason.NOT_REGULAR);
        }
        try (InputStream in = Files.newInputStream(p)) {
            return bounded(in.readNBytes(MAX_BYTES + 1), p.toString());
        } catch (AccessDeniedException e) {
            throw new Refused(p.toString(), Reason.DENIED);
        } catch (NoSuchFileException e) {
            throw new Refused(p.toString(), Reason.MISSING);
        }
    }

    /**
     * The command that reads a file on a node, as base64 (binary-safe) in lines of 76 (output
     * lines are cut at 64 KiB), at most one byte past the cap.
     */
    public static String command(String path) {
        String f = Shell.quote(path);
        return "f=" + f + "; "
                + "if [ ! -e \"$f\" ]; then echo '" + MARK + "MISSING' >&2; exit 3; fi; "
                + "if [ ! -f \"$f\" ]; then echo '" + MARK + "NOT_REGULAR' >&2; exit 3; fi; "
                + "if [ ! -r \"$f\" ]; then echo '" + MARK + "DENIED' >&2; exit 3; fi; "
                + "head -c " + (MAX_BYTES + 1) + " -- \"$f\" | base64";
    }

    /** The file's bytes from what {@link #command} printed. */
    public static byte[] decode(ExecResult r, String path, String host) throws IOException {
        String err = r.stderr().strip();
        if (r.exitCode() == 3 && err.startsWith(MARK)) {
            throw new Refused(path, Reason.valueOf(err.substring(MARK.length()).strip()));
        }
        if (!r.ok()) {
            throw new IOException(err.isBlank() ? "cannot read " + path + " on " + host : err);
        }
        try {
            return bounded(Base64.getMimeDecoder().decode(r.stdout().strip()), path);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read " + path + " on " + host + ": its content did not arrive whole");
        }
    }

    private static byte[] bounded(byte[] bytes, String path) throws Refused {
        if (bytes.length > MAX_BYTES) {
            throw new Refused(path, Reason.TOO_LARGE);
        }
        return bytes;
    }
}
