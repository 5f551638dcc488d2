package io.kubelab.labs.nodes.ssh;

import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.LinePump;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.checks.host.Shell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One long-lived bash on a node that runs quiet commands (what checks run) one after another,
 * instead of a channel each: a channel costs the node a session, a login shell and the wrapper's
 * programs, about 36 ms of CPU on the OpenSSH test nodes, where this costs what running
 * {@code bash -c CMD} costs (bench/README.md); grading a class runs thousands of commands.
 *
 * <p>A request is a line — the command's marker, a random framing token, the command's length in
 * bytes — and then the command. The runner reads it with bash's own {@code read} (no program
 * started for it) and runs it in a subshell of its own process group (job control on) that exports
 * the marker and execs {@code bash --norc -c CMD}: the same shell and marker as a channel's, so a
 * timeout or Ctrl-C ends its processes the same way. Around the command's output it writes the
 * token, on stdout and stderr: a start line before, and after it a line with the status. The token
 * is random and never given to the command, so no output can end an answer early; anything written
 * between answers (a process the command left behind) is dropped at the next start line. A runner
 * that timed out, was cancelled or broke is closed and never used again.
 */
final class SshRunner implements AutoCloseable {
    static final String SCRIPT = String.join("\n",
            // Bytes, not characters, for read -N; the command gets the locale it would have had.
            "if [ \"${LC_ALL+set}\" = set ]; then kl_lc=$LC_ALL; kl_had=1; else kl_had=; fi",
            "LC_ALL=C",
            "set -m",
            "while IFS=' ' read -r id token len; do",
            "  IFS= read -r -N \"$len\" c || exit 1",
            "  printf '%s start\\n' \"$token\"; printf '%s start\\n' \"$token\" >&2",
            "  ( if [ -n \"$kl_had\" ]; then LC_ALL=$kl_lc; else unset LC_ALL; fi",
            "    export KUBELAB_RUN=\"$id\"; exec bash --norc -c \"$c\" ) </dev/null",
            "  s=$?",
            "  printf '\\n%s end %d\\n' \"$token\" \"$s\"; printf '\\n%s end\\n' \"$token\" >&2",
            "done");
    private static final Duration SLICE = Duration.ofMillis(100);
    /** Bytes of one stream kept; beyond it the earliest go, as a channel's output buffer drops them. */
    private static final int LIMIT = 8 * 1024 * 1024;

    private final SSHClient client;
    private final Session session;
    private final Session.Command shell;
    private final Runnable onClose;
    private final OutputStream requests;
    private final Framed stdout;
    private final Framed stderr;
    private final SecureRandom tokens = new SecureRandom();
    private volatile boolean usable = true;
    private boolean closed;

    private SshRunner(SSHClient client, Session session, Session.Command shell, Runnable onClose) {
        this.client = client;
        this.session = session;
        this.shell = shell;
        this.onClose = onClose;
        this.requests = shell.getOutputStream();
        this.stdout = new Framed(shell.getInputStream(), "kubelab-runner-stdout");
        this.stderr = new Framed(shell.getErrorStream(), "kubelab-runner-stderr");
    }

    /**
     * Starts a runner on an open session of {@code client} and asks it one thing first, so that a
     * node where it cannot work (no bash, or an old one) is found before any real command is sent:
     * empty then, and closed. {@code onClose} runs once, when it closes.
     */
    static Optional<SshRunner> start(SSHClient client, Session session, Runnable onClose) throws IOException {
        Session.Command shell = session.exec("bash --norc --noprofile -c " + Shell.quote(SCRIPT));
        SshRunner r = new SshRunner(client, session, shell, onClose);
        Outcome hello = r.run("echo kubelab-runner", "kubelab-runner-hello", Duration.ofSeconds(10), () -> false);
        if (hello.result() == null || hello.result().exitCode() != 0 || !hello.result().stdout().equals("kubelab-runner\n")) {
            r.close();
            return Optional.empty();
        }
        return Optional.of(r);
    }

    boolean usableOn(SSHClient c) {
        return usable && c == client && shell.isOpen();
    }

    /**
     * How a run went: not sent (use a channel), sent and then the runner went away (as a channel
     * closing without a status: the connection is lost), ended by lab (timed out, cancelled), or
     * with its result.
     */
    record Outcome(ExecResult.Outcome how, ExecResult result, boolean lost) {
        static final Outcome NOT_SENT = new Outcome(null, null, false);
        static final Outcome LOST = new Outcome(null, null, true);

        boolean sent() {
            return how != null || lost;
        }
    }

    /** Runs one command (as root it is given already prefixed with sudo). */
    Outcome run(String command, String marker, Duration timeout, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        // Not the marker (the command sees that), and not guessable: a secure random of its own.
        byte[] random = new byte[16];
        tokens.nextBytes(random);
        String token = "kubelab-" + HexFormat.of().formatHex(random);
        byte[] body = command.getBytes(StandardCharsets.UTF_8);
        stdout.expect(token);
        stderr.expect(token);
        try {
            requests.write((marker + " " + token + " " + body.length + "\n").getBytes(StandardCharsets.US_ASCII));
            requests.write(body);
            requests.flush();
        } catch (IOException e) {
            close();
            return Outcome.NOT_SENT;
        }
        long deadline = started + timeout.toNanos();
        Framed.Answer out = null;
        Framed.Answer err = null;
        while (out == null || err == null) {
            // Timed out or cancelled: the caller ends the command's processes, then closes the runner.
            if (cancelled.getAsBoolean()) {
                usable = false;
                return new Outcome(ExecResult.Outcome.CANCELLED, null, false);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                usable = false;
                return new Outcome(ExecResult.Outcome.TIMED_OUT, null, false);
            }
            try {
                long wait = Math.min(left, SLICE.toNanos());
                if (out == null) {
                    out = stdout.answers.poll(wait, TimeUnit.NANOSECONDS);
                } else {
                    err = stderr.answers.poll(wait, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                usable = false;
                return new Outcome(ExecResult.Outcome.CANCELLED, null, false);
            }
            if ((out != null && out.broken()) || (err != null && err.broken())) {
                close();
                return Outcome.LOST;
            }
        }
        return new Outcome(ExecResult.Outcome.EXITED, new ExecResult(out.status(), out.text(OutputListener.Stream.STDOUT),
                err.text(OutputListener.Stream.STDERR), Duration.ofNanos(System.nanoTime() - started),
                ExecResult.Outcome.EXITED), false);
    }

    /**
     * One of the runner's streams, read on its own thread: the bytes between the expected token's
     * start line and its end line make one answer (the end line's status with them, on stdout).
     */
    private static final class Framed implements Runnable {
        record Answer(byte[] bytes, boolean dropped, int status, boolean broken) {
            static final Answer BROKEN = new Answer(new byte[0], false, -1, true);

            /** The bytes as a channel's output would have been kept: the same pump. */
            String text(OutputListener.Stream stream) {
                LinePump pump = new LinePump(new ByteArrayInputStream(bytes), stream, OutputListener.NONE);
                pump.run();
                return dropped ? "[... earlier output dropped ...]\n" + pump.text() : pump.text();
            }
        }

        private final InputStream in;
        final BlockingQueue<Answer> answers = new ArrayBlockingQueue<>(1);
        private volatile String token;

        Framed(InputStream in, String name) {
            this.in = in;
            Thread t = new Thread(this, name);
            t.setDaemon(true);
            t.start();
        }

        void expect(String token) {
            answers.clear();
            this.token = token;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    String line = line();
                    if (line == null) {
                        break;
                    }
                    String t = token;
                    if (t == null || !line.equals(t + " start")) {
                        continue; // left over from a process an earlier command left behind: not part of any answer
                    }
                    Answer a = body(t);
                    if (a == null) {
                        break;
                    }
                    answers.put(a);
                }
            } catch (IOException | RuntimeException e) {
                // The runner is gone: said below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answers.offer(Answer.BROKEN);
        }

        /** One line as bytes until '\n' (null at the end of the stream); long lines are cut (they are not tokens). */
        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (b.size() < 200) {
                    b.write(c);
                }
            }
            return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
        }

        /** The bytes up to "\n" + token + " end", the status after it; null when the stream ends first. */
        private Answer body(String t) throws IOException {
            byte[] end = ("\n" + t + " end").getBytes(StandardCharsets.US_ASCII);
            byte[] buf = new byte[8192];
            int size = 0;
            boolean dropped = false;
            searchedTo = 0;
            while (true) {
                int found = indexOf(buf, size, end);
                if (found >= 0) {
                    // The rest of the end line (" 3\n" on stdout, "\n" on stderr) may still be coming.
                    StringBuilder rest = new StringBuilder(new String(buf, found + end.length, size - found - end.length,
                            StandardCharsets.US_ASCII));
                    while (rest.indexOf("\n") < 0) {
                        int c = in.read();
                        if (c < 0) {
                            return null;
                        }
                        rest.append((char) c);
                    }
                    String status = rest.toString().strip();
                    return new Answer(Arrays.copyOf(buf, found), dropped, status.isEmpty() ? 0 : Integer.parseInt(status), false);
                }
                if (size == buf.length) {
                    if (size >= LIMIT) {
                        // Keep the end, where the token will be; the earliest output goes, as a channel's buffer drops it.
                        System.arraycopy(buf, size - LIMIT / 2, buf, 0, LIMIT / 2);
                        size = LIMIT / 2;
                        searchedTo = 0;
                        dropped = true;
                    } else {
                        buf = Arrays.copyOf(buf, Math.min(LIMIT, buf.length * 2));
                    }
                }
                int n = in.read(buf, size, buf.length - size);
                if (n < 0) {
                    return null;
                }
                searchedTo = Math.max(0, size - end.length);
                size += n;
            }
        }

        /** Where the search for the end token goes on from: the bytes before it were searched already. */
        private int searchedTo;

        private int indexOf(byte[] buf, int size, byte[] what) {
            outer:
            for (int i = searchedTo; i <= size - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (buf[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        usable = false;
        // Its input ends first, so that the runner leaves its loop and the node closes the channel at
        // once; the channel's close handshake is then waited for off the caller's thread (Ctrl-C
        // must not wait for it), and the session counted free after it.
        try {
            requests.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        Thread closer = new Thread(() -> {
            try {
                shell.close();
            } catch (IOException e) {
                // Closing anyway.
            }
            try {
                session.close();
            } catch (IOException e) {
                // Closing anyway.
            }
            onClose.run();
        }, "kubelab-runner-close");
        closer.setDaemon(true);
        closer.start();
    }
}
