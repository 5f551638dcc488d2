package io.kubelab.labs.nodes.ssh;

import io.kubelab.checks.host.HostUnreachableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * The few long-lived runners ({@link SshRunner}) one node keeps for quiet commands. A command takes a free one,
 * starts one while fewer than {@link #RUNNERS} exist, or waits a little for one (checks run many at once; waiting
 * costs the node far less than a channel each). Each runner holds one of the node's sessions while it lives, so an
 * sshd that allows few sessions gets no more runners than it gives, and gives one back when a command that shows
 * its output needs a channel.
 */
final class SshRunnerPool {
    /** Runners kept on one node, each one of its sessions (within SshConnection.MAX_SESSIONS). */
    static final int RUNNERS = 4;
    /** How long a quiet command waits for a runner before it takes a channel instead. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SshConnection connection;
    private final Semaphore slots = new Semaphore(RUNNERS, true);
    private final ConcurrentLinkedDeque<SshRunner> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger live = new AtomicInteger();
    /** The node cannot have runners (a bash too old for them, or none started): every command takes a channel. */
    private volatile boolean refused;
    /** How many runners the node's sshd allows besides the rest (fewer than RUNNERS where it refused a session). */
    private volatile int cap = RUNNERS;

    SshRunnerPool(SshConnection connection) {
        this.connection = connection;
    }

    /**
     * A runner for one command, waiting at most {@code patience} (and never more than {@link #WAIT}) for one; empty
     * when the node cannot have runners or none came free. What is taken is given back with {@link #giveBack}.
     */
    Optional<SshRunner> take(SSHClient c, Duration patience) throws HostUnreachableException {
        if (refused) {
            return Optional.empty();
        }
        try {
            if (!slots.tryAcquire(Math.min(patience.toMillis(), WAIT.toMillis()), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        SshRunner r = null;
        try {
            r = freeOrNew(c);
            return Optional.ofNullable(r);
        } finally {
            if (r == null) {
                slots.release();
            }
        }
    }

    /** A runner back from its command: kept for the next one if it can serve again on {@code c}, closed if not. */
    void giveBack(SshRunner r, SSHClient c) {
        if (r.usableOn(c)) {
            idle.push(r);
        } else {
            r.close(); // ended, broken or from a dropped connection: its session is given back
        }
        slots.release();
    }

    /**
     * The node refused a channel: an idle runner gives its session back, and one fewer is kept
     * from then on (an sshd with few sessions serves commands that show their output too).
     */
    void giveUpOne() {
        SshRunner r = idle.poll();
        if (r != null) {
            cap = Math.max(0, live.get() - 1);
            r.close();
        }
    }

    void close() {
        for (SshRunner r = idle.poll(); r != null; r = idle.poll()) {
            r.close();
        }
    }

    /** A free runner on this connection, or a new one; null where runners cannot work on the node. */
    private SshRunner freeOrNew(SSHClient c) throws HostUnreachableException {
        for (SshRunner r = idle.poll(); r != null; r = idle.poll()) {
            if (r.usableOn(c)) {
                return r;
            }
            r.close(); // from a connection since dropped, or broken
        }
        if (refused || live.get() >= cap) {
            return null;
        }
        connection.acquireSession("runner"); // held while it lives: it is one of the node's sessions
        Session session;
        try {
            session = c.startSession(); // once: a node short of sessions gets no more runners, not a wait
        } catch (OpenFailException e) {
            connection.releaseSession();
            cap = Math.max(0, live.get()); // its sshd allows no more sessions
            refused = cap == 0;
            return waitForIdle(c); // the runners there are serve it; a channel would be refused as well
        } catch (IOException | IllegalStateException e) {
            connection.releaseSession();
            return null; // the connection is going: the command's own channel says so
        }
        live.incrementAndGet();
        Runnable gone = () -> {
            live.decrementAndGet();
            connection.releaseSession();
        };
        SshRunner started;
        try {
            started = SshRunner.start(c, session, gone).orElse(null);
        } catch (IOException | IllegalStateException e) {
            try {
                session.close();
            } catch (IOException closing) {
                // Closing anyway.
            }
            gone.run();
            started = null;
        }
        if (started == null) {
            refused = true;
        }
        return started;
    }

    /** A runner another command gives back within {@link #WAIT}, or null. */
    private SshRunner waitForIdle(SSHClient c) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && live.get() > 0) {
            SshRunner r = idle.poll();
            if (r != null) {
                if (r.usableOn(c)) {
                    return r;
                }
                r.close();
                continue;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
