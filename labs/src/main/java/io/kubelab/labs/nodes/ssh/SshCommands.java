package io.kubelab.labs.nodes.ssh;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.LinePump;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.checks.host.Shell;
import io.kubelab.labs.Prompter;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * Runs commands on one node, each on its own channel of the node's connection, as
 * {@code env KUBELAB_RUN=<marker> setsid -w bash --norc -c CMD}: in a session of its own, with a
 * marker every process it starts inherits, so that cancelling or timing out can end its whole
 * process group on the node (found by the marker), not just the channel. {@code --norc} because
 * bash reads ~/.bashrc whenever it believes sshd started it: the login shell sshd starts has
 * already read the learner's start-up files (pyenv, conda, nvm…) and exported their environment,
 * and reading them again would cost their time twice and print their output twice. Becomes root with sudo when asked,
 * asking for sudo's password (masked) only if sudo needs one. Quiet commands (what checks run: no
 * output shown as it comes, no sudo password to give) go through a few long-lived runners on the
 * node instead ({@link SshRunner}): the same shell and marker, for a fraction of a channel's cost.
 */
final class SshCommands {
    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final Duration SLICE = Duration.ofMillis(100);
    /** The environment variable that marks every process of one command. */
    private static final String MARKER_VARIABLE = "KUBELAB_RUN";

    private final SshConnection connection;
    private final Prompter prompter;
    private final SecureRandom random = new SecureRandom();
    private Sudo sudo;
    private final SshRunnerPool runners;

    SshCommands(SshConnection connection, Prompter prompter) {
        this.connection = connection;
        this.prompter = prompter;
        this.runners = new SshRunnerPool(connection);
    }

    /** Whether commands asked to run as root need sudo here (the login user is not root). */
    boolean sudoNeeded(boolean asked) {
        return (asked || connection.spec().become()) && !connection.spec().user().equals("root");
    }

    ExecResult exec(ExecRequest request) throws HostUnreachableException {
        SSHClient c = connection.client();
        Sudo how = sudoNeeded(request.sudo()) ? sudo(c) : null;
        // A quiet command (a check's) goes through the node's runner when it is free: no channel, no login shell.
        if (request.listener() == OutputListener.NONE && (how == null || how == Sudo.PASSWORDLESS)) {
            Optional<ExecResult> quick = viaRunner(c, request, how);
            if (quick.isPresent()) {
                return quick.get();
            }
        }
        connection.acquireSession(request.command());
        try {
            return run(c, request, how);
        } finally {
            connection.releaseSession();
        }
    }

    private ExecResult run(SSHClient c, ExecRequest request, Sudo how) throws HostUnreachableException {
        String marker = newMarker();
        String line = marked(how, marker, request.command(), true);
        long started = System.nanoTime();
        Session session;
        Session.Command cmd;
        session = connection.openSession(c, request.command(), runners::giveUpOne);
        try {
            cmd = session.exec(line);
        } catch (IOException | IllegalStateException e) { // sshj says "Not connected" with the latter
            closeQuietly(session);
            throw connection.lost(e, request.command());
        }
        try (OutputStream stdin = cmd.getOutputStream()) {
            if (how != null) {
                how.feed(stdin);
            }
        } catch (IOException e) {
            // The command closed its input early; its output still tells what happened.
        }
        LinePump out = new LinePump(cmd.getInputStream(), OutputListener.Stream.STDOUT, request.listener());
        LinePump err = new LinePump(cmd.getErrorStream(), OutputListener.Stream.STDERR, request.listener());
        Thread outThread = LinePump.start(out, connection.name() + "-stdout");
        Thread errThread = LinePump.start(err, connection.name() + "-stderr");
        ExecResult.Outcome outcome = ExecResult.Outcome.EXITED;
        long deadline = started + request.timeout().toNanos();
        try {
            while (cmd.isOpen()) {
                if (request.cancellation().isCancelled()) {
                    outcome = ExecResult.Outcome.CANCELLED;
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    outcome = ExecResult.Outcome.TIMED_OUT;
                    break;
                }
                try {
                    cmd.join(Math.min(left, SLICE.toNanos()), TimeUnit.NANOSECONDS);
                } catch (ConnectionException e) {
                    if (!c.isConnected() || !c.getTransport().isRunning()) {
                        throw connection.lost(e, request.command());
                    }
                }
            }
            if (outcome != ExecResult.Outcome.EXITED) {
                end(c, cmd, marker, how);
            }
            // The output is read to its end before the channel is closed, or its tail would be lost. A
            // closed channel always ends its streams, so after a normal exit this waits for all of it.
            Duration drain = outcome == ExecResult.Outcome.EXITED ? Duration.ofMinutes(10) : DRAIN;
            join(outThread, drain);
            join(errThread, drain);
        } finally {
            closeQuietly(session);
        }
        Integer status = cmd.getExitStatus();
        // A channel that closed without an exit status or signal was not ended by its command: the
        // node or the connection went away (the transport may not have noticed yet).
        if (outcome == ExecResult.Outcome.EXITED && (!c.isConnected() || (status == null && cmd.getExitSignal() == null))) {
            throw connection.lost(null, request.command());
        }
        int exit = outcome != ExecResult.Outcome.EXITED ? -1
                : status != null ? status : cmd.getExitSignal() != null ? 128 + signalNumber(cmd.getExitSignal()) : -1;
        return new ExecResult(exit, out.text(), err.text(), Duration.ofNanos(System.nanoTime() - started), outcome);
    }

    /**
     * Runs a quiet command through one of the node's runners ({@link SshRunnerPool}). Empty when the
     * node cannot have runners or none came free soon: it then goes by its own channel.
     */
    private Optional<ExecResult> viaRunner(SSHClient c, ExecRequest request, Sudo how) throws HostUnreachableException {
        Optional<SshRunner> taken = runners.take(c, request.timeout().dividedBy(2));
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        SshRunner r = taken.get();
        try {
            String marker = newMarker();
            // The runner starts the command as a channel would (its own process group carrying the marker), so only
            // as root does it need the wrapper's sudo and the marker again (sudo starts with a clean environment).
            String command = how == null ? request.command() : marked(how, marker, request.command(), false);
            SshRunner.Outcome o = r.run(command, marker, request.timeout(), () -> request.cancellation().isCancelled());
            if (!o.sent()) {
                return Optional.empty();
            }
            if (o.lost()) {
                throw connection.lost(null, request.command());
            }
            if (o.result() != null) {
                return Optional.of(o.result());
            }
            endGroup(c, marker, how); // timed out or cancelled: its processes on the node end too, then the runner
            r.close();
            return Optional.of(new ExecResult(-1, "", "", request.timeout(), o.how()));
        } finally {
            runners.giveBack(r, c);
        }
    }

    void closeRunners() {
        runners.close();
    }

    /**
     * The command line that runs {@code command} under bash with the marker in its environment (as root with
     * {@code how}), in a session of its own where {@code ownSession}.
     */
    private static String marked(Sudo how, String marker, String command, boolean ownSession) {
        return (how == null ? "" : how.prefix()) + "env " + MARKER_VARIABLE + "=" + marker
                + (ownSession ? " setsid -w" : "") + " bash --norc -c " + Shell.quote(command);
    }

    private String newMarker() {
        return "kubelab-" + HexFormat.of().formatHex(randomBytes(6));
    }

    /** Ends a command's process group on the node (found by its marker), then the channel. */
    private static void end(SSHClient c, Session.Command cmd, String marker, Sudo how) {
        try {
            cmd.signal(Signal.TERM);
        } catch (IOException e) {
            // The signal request is best effort; the group kill below is what counts.
        }
        endGroup(c, marker, how);
        try {
            cmd.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    /** Ends every process group on the node whose leader carries the marker. */
    private static void endGroup(SSHClient c, String marker, Sudo how) {
        // Every process carrying the marker that leads a process group has its group ended: the command's
        // own (setsid made it) and any a child made for itself. Groups it merely joined are left alone.
        String kill = "m='" + MARKER_VARIABLE + "=" + marker + "'; leaders=''; "
                + "for d in /proc/[0-9]*; do p=${d#/proc/}; grep -qaF \"$m\" \"$d/environ\" 2>/dev/null || continue; "
                + "g=$(ps -o pgid= -p \"$p\" 2>/dev/null | tr -d ' '); [ \"$g\" = \"$p\" ] && leaders=\"$leaders $p\"; done; "
                + "[ -z \"$leaders\" ] && exit 0; for g in $leaders; do kill -TERM -$g 2>/dev/null; done; sleep 1; "
                + "for g in $leaders; do kill -KILL -$g 2>/dev/null; done; exit 0"; // dash's kill takes no --
        try (Session s = c.startSession()) {
            Session.Command k = s.exec((how == null ? "" : how.prefix()) + "sh -c " + Shell.quote(kill));
            if (how != null) {
                how.feed(k.getOutputStream());
            }
            k.join(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // The connection is gone: nothing more can be done from here.
        }
    }

    /** Finds out once how to become root here, asking for the sudo password (masked) only if sudo needs one. */
    private synchronized Sudo sudo(SSHClient c) throws HostUnreachableException {
        if (sudo != null) {
            return sudo;
        }
        String user = connection.spec().user();
        if (probe(c, "sudo -n true", null) == 0) {
            sudo = Sudo.PASSWORDLESS;
            return sudo;
        }
        Optional<String> password = prompter.ask("[sudo] password for " + user + "@" + connection.name() + ":", true);
        if (password.isEmpty()) {
            throw new HostUnreachableException(connection.name(), "sudo needs a password for " + user + " and lab cannot "
                    + "ask here; run lab in a terminal, or allow passwordless sudo for " + user, true, null);
        }
        Sudo withPassword = Sudo.withPassword(password.get().toCharArray());
        if (probe(c, withPassword.prefix() + "true", withPassword) != 0) {
            withPassword.forget();
            throw new HostUnreachableException(connection.name(), "sudo refused the password for " + user, true, null);
        }
        sudo = withPassword;
        return sudo;
    }

    /** A short command without the wrapper, for probing (exit status only); {@code how} may be null. */
    private int probe(SSHClient c, String command, Sudo how) throws HostUnreachableException {
        connection.acquireSession(command);
        try (Session s = connection.openSession(c, command)) {
            Session.Command cmd = s.exec(command);
            try (OutputStream in = cmd.getOutputStream()) {
                if (how != null) {
                    how.feed(in);
                }
            }
            cmd.getInputStream().readAllBytes();
            cmd.join(20, TimeUnit.SECONDS);
            return cmd.getExitStatus() == null ? -1 : cmd.getExitStatus();
        } catch (IOException | IllegalStateException e) {
            throw connection.lost(e, command);
        } finally {
            connection.releaseSession();
        }
    }

    synchronized void forgetSudo() {
        if (sudo != null) {
            sudo.forget();
            sudo = null;
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static int signalNumber(Signal s) {
        return switch (s) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case KILL -> 9;
            case PIPE -> 13;
            case TERM -> 15;
            default -> 0;
        };
    }

    private static void join(Thread t, Duration limit) {
        try {
            t.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Session s) {
        try {
            s.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
