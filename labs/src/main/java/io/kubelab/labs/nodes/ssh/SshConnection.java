package io.kubelab.labs.nodes.ssh;

import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.labs.nodes.inventory.InventoryHost;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * The one SSH connection to one node: connected (directly or through a jump host) with its host
 * key verified, logged in, kept alive, and opened again on the next use after it drops. Every
 * failure to reach or log in is a {@link HostUnreachableException} that says why in words.
 */
final class SshConnection implements AutoCloseable {
    /**
     * Sessions open at once on one connection. OpenSSH refuses more than MaxSessions (10 by default)
     * and may drop the connection; the SFTP channel and a command's kill session need room too.
     */
    static final int MAX_SESSIONS = 8;
    /** How often a refused session is tried (with waits doubling from 20 ms to 1 s: about 10 s in all). */
    static final int SESSION_ATTEMPTS = 14;

    private final InventoryHost spec;
    private final Semaphore sessions = new Semaphore(MAX_SESSIONS, true);
    private final Config config;
    private final SshSettings settings;
    private final SshConnection jump;
    private final Passphrases passphrases;
    private SSHClient client;
    private SFTPClient sftp;
    /**
     * Why the last attempt to connect or log in failed, until the next command: the checks and
     * actions of one command that wait on a node that does not answer share one wait, not one each.
     */
    private HostUnreachableException failure;

    SshConnection(InventoryHost spec, Config config, SshSettings settings, SshConnection jump, Passphrases passphrases) {
        this.spec = spec;
        this.config = config;
        this.settings = settings;
        this.jump = jump;
        this.passphrases = passphrases;
    }

    InventoryHost spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    /** user@address:port, and the jump host when there is one: for evidence lines and messages. */
    String describe() {
        return spec.target() + (jump == null ? "" : " via " + jump.name());
    }

    /** The open connection, opening (or reopening) it when needed. */
    synchronized SSHClient client() throws HostUnreachableException {
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return client;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            return open();
        } catch (HostUnreachableException e) {
            failure = e;
            throw e;
        }
    }

    /** A new command: a node that could not be reached is tried again. */
    synchronized void forgetFailure() {
        failure = null;
    }

    private SSHClient open() throws HostUnreachableException {
        closeQuietly();
        SSHClient c = new SSHClient(config);
        c.setSocketFactory(NoDelaySockets.INSTANCE);
        int timeout = (int) (spec.connectTimeout() != null ? spec.connectTimeout() : settings.connectTimeout()).toMillis();
        c.setConnectTimeout(timeout);
        // Until logged in, a node that accepted the connection must answer within the same time: a
        // wedged sshd, or packets dropped past the handshake, would otherwise be waited on forever.
        c.setTimeout(timeout);
        int transportTimeout = c.getTransport().getTimeoutMs();
        c.getTransport().setTimeoutMs(timeout);
        HostKeyPolicy.Verifier verifier = settings.hostKeys().readingFirst(spec.knownHosts()).verifierFor(spec.name());
        c.addHostKeyVerifier(verifier);
        try {
            if (jump != null) {
                c.connectVia(jump.client().newDirectConnection(spec.address(), spec.port()));
            } else {
                c.connect(spec.address(), spec.port());
            }
        } catch (IOException e) {
            quietly(c);
            Optional<String> refusal = verifier.refusal();
            if (refusal.isPresent()) {
                throw new HostUnreachableException(spec.name(), refusal.get(), true, null);
            }
            throw new HostUnreachableException(spec.name(), "cannot connect to " + describe() + ": " + why(e), e);
        }
        if (c.getConnection().getKeepAlive() instanceof KeepAliveRunner k) {
            k.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
            k.setMaxAliveCount(3);
        }
        authenticate(c);
        try {
            // Logged in: a quiet command, or a busy node slow to open a channel, is not a dead node
            // (keep-alive watches that). The socket is null through a jump host (the jump's carries it).
            c.getTransport().setTimeoutMs(transportTimeout);
            if (c.getSocket() != null) {
                c.getSocket().setSoTimeout(0);
            }
        } catch (IOException e) {
            quietly(c);
            throw new HostUnreachableException(spec.name(), "cannot connect to " + describe() + ": " + why(e), e);
        }
        client = c;
        return c;
    }

    /** Waits for a free session on this connection (many checks on one node take turns). */
    void acquireSession(String command) throws HostUnreachableException {
        try {
            sessions.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnreachableException(spec.name(), "interrupted while waiting to run `" + command + "`", true, e);
        }
    }

    void releaseSession() {
        sessions.release();
    }

    /**
     * Opens a session channel. sshd counts a channel until it has seen it closed, which can be a
     * moment after lab closed it: a burst of short checks then meets "no more sessions"
     * (MaxSessions) although lab never has more than {@link #MAX_SESSIONS} open. That refusal is
     * about this channel, not the connection, so it is tried again shortly instead of dropping the
     * connection (and every command on it).
     */
    Session openSession(SSHClient c, String command) throws HostUnreachableException {
        return openSession(c, command, () -> { });
    }

    /** As above; {@code makeRoom} is asked, on each refusal, to give back a session it holds (an idle runner's). */
    Session openSession(SSHClient c, String command, Runnable makeRoom) throws HostUnreachableException {
        long waitMs = 20;
        for (int attempt = 1; ; attempt++) {
            try {
                return c.startSession();
            } catch (OpenFailException e) {
                makeRoom.run();
                if (attempt == SESSION_ATTEMPTS) {
                    throw new HostUnreachableException(spec.name(), describe() + " refused a session for `"
                            + shorten(command) + "` " + SESSION_ATTEMPTS + " times (" + e.getMessage()
                            + "); raise MaxSessions in its sshd_config", true, e);
                }
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new HostUnreachableException(spec.name(), "interrupted while waiting to run `"
                            + shorten(command) + "`", true, ie);
                }
                waitMs = Math.min(waitMs * 2, 1000);
            } catch (IOException | IllegalStateException e) { // sshj says "Not connected" with the latter
                throw lost(e, command);
            }
        }
    }

    private static String shorten(String command) {
        return command.length() > 60 ? command.substring(0, 57) + "..." : command;
    }

    /** The SFTP channel of this connection, opened on first use. */
    synchronized SFTPClient sftp() throws HostUnreachableException {
        SSHClient c = client();
        if (sftp == null) {
            try {
                sftp = c.newSFTPClient();
            } catch (IOException e) {
                throw lost(e, "sftp");
            }
        }
        return sftp;
    }

    private void authenticate(SSHClient c) throws HostUnreachableException {
        try {
            if (spec.password() != null) {
                c.authPassword(spec.user(), spec.password().toCharArray()); // only when the inventory asks for it
                return;
            }
            List<Path> keys = spec.keyFile() != null ? List.of(spec.keyFile())
                    : settings.defaultKeys().stream().filter(Files::isRegularFile).toList();
            if (keys.isEmpty()) {
                throw new HostUnreachableException(spec.name(), "no key to log in with: set ansible_ssh_private_key_file "
                        + "in the inventory, or create ~/.ssh/id_ed25519 (ssh-keygen -t ed25519)", true, null);
            }
            List<KeyProvider> providers = new ArrayList<>();
            for (Path k : keys) {
                providers.add(c.loadKeys(k.toString(), passphrases.finder(k)));
            }
            c.authPublickey(spec.user(), providers);
        } catch (UserAuthException e) {
            quietly(c);
            Optional<Path> locked = passphrases.unanswered();
            if (locked.isPresent()) {
                throw new HostUnreachableException(spec.name(), "the key " + locked.get() + " is encrypted and lab cannot "
                        + "ask for its passphrase here; run lab in a terminal", true, e);
            }
            String how = spec.password() != null ? "the password from the inventory"
                    : "key " + (spec.keyFile() != null ? spec.keyFile() : "~/.ssh/id_*");
            throw new HostUnreachableException(spec.name(), "reached " + describe() + " but could not log in as "
                    + spec.user() + " with " + how + ": the server refused it (is the public key in ~" + spec.user()
                    + "/.ssh/authorized_keys?)", true, e);
        } catch (IOException e) {
            quietly(c);
            throw new HostUnreachableException(spec.name(), "cannot log in to " + describe() + ": " + why(e), true, e);
        }
    }

    /** The connection broke while {@code command} ran: it is dropped, and opened again on the next command. */
    HostUnreachableException lost(Exception e, String command) {
        closeQuietly();
        String what = shorten(command);
        return new HostUnreachableException(spec.name(), "connection to " + describe() + " lost while running `" + what
                + "`" + (e == null ? "" : ": " + why(e)) + "; lab reconnects on the next command", true, e);
    }

    /** Why a connection failed, in the words a learner can act on. */
    static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The kernel's own connect timeout arrives as a ConnectException "Connection timed out".
            if (t instanceof SocketTimeoutException
                    || (t instanceof ConnectException && String.valueOf(t.getMessage()).contains("timed out"))) {
                return "no answer in time (is the address right, the node up, and port 22 open in its firewall?)";
            }
            if (t instanceof ConnectException) {
                return "connection refused (is sshd running and listening on that port?)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host name " + t.getMessage();
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void quietly(SSHClient c) {
        try {
            c.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    private synchronized void closeQuietly() {
        if (sftp != null) {
            try {
                sftp.close();
            } catch (IOException e) {
                // Closing anyway.
            }
            sftp = null;
        }
        if (client != null) {
            quietly(client);
            client = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
