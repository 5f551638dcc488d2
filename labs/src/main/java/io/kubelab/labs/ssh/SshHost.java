package io.kubelab.labs.ssh;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.LinePump;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.checks.host.Shell;
import io.kubelab.labs.inventory.InventoryHost;
import io.kubelab.labs.state.AtomicFiles;
import io.kubelab.labs.target.FileTransfer;
import io.kubelab.labs.target.LocalFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import net.schmizz.sshj.xfer.FileSystemFile;

/**
 * A learner's node over SSH (sshj). One connection per host, opened on first use and reused for
 * every command (each on its own channel); reopened on the next command after it drops.
 *
 * Every command runs as {@code env KUBELAB_RUN=<marker> setsid -w bash -c CMD}: in a session of
 * its own, with a marker every process it starts inherits, so that cancelling or timing out can
 * end its whole process group on the node (found by the marker), not just the channel.
 */
public final class SshHost implements Host, FileTransfer, AutoCloseable {
    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final Duration SLICE = Duration.ofMillis(100);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The environment variable that marks every process of one command. */
    private static final String MARKER_VARIABLE = "KUBELAB_RUN";

    private final InventoryHost spec;
    private final Config config;
    private final SshSettings settings;
    private final SshHost jump;
    private final Passphrases passphrases;
    private SSHClient client;
    private SFTPClient sftp;
    private Sudo sudo;

    /** How this host gets root: not needed (root login), sudo without password, or sudo with one (kept in memory). */
    private record Sudo(String prefix, char[] password) {

        /** Gives sudo -S its password on the command's input; nothing when no password is needed. */
        void feed(OutputStream in) throws IOException {
            if (password != null) {
                in.write((new String(password) + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
        }
    }

    SshHost(InventoryHost spec, Config config, SshSettings settings, SshHost jump, Passphrases passphrases) {
        this.spec = spec;
        this.config = config;
        this.settings = settings;
        this.jump = jump;
        this.passphrases = passphrases;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String address() {
        return spec.target() + (jump == null ? "" : " via " + jump.name());
    }

    public InventoryHost spec() {
        return spec;
    }

    // ---- connection ----

    /** The open connection, opening (or reopening) it when needed. */
    synchronized SSHClient client() throws HostUnreachableException {
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return client;
        }
        closeQuietly();
        SSHClient c = new SSHClient(config);
        c.setSocketFactory(NoDelaySockets.INSTANCE);
        c.setConnectTimeout((int) settings.connectTimeout().toMillis());
        HostKeyPolicy.Verifier verifier = settings.hostKeys().verifierFor(spec.name());
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
            throw new HostUnreachableException(spec.name(), "cannot connect to " + address() + ": " + why(e), e);
        }
        if (c.getConnection().getKeepAlive() instanceof KeepAliveRunner k) {
            k.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
            k.setMaxAliveCount(3);
        }
        authenticate(c);
        client = c;
        return c;
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
            throw new HostUnreachableException(spec.name(), "reached " + address() + " but could not log in as "
                    + spec.user() + " with " + how + ": the server refused it (is the public key in ~" + spec.user()
                    + "/.ssh/authorized_keys?)", true, e);
        } catch (IOException e) {
            quietly(c);
            throw new HostUnreachableException(spec.name(), "cannot log in to " + address() + ": " + why(e), true, e);
        }
    }

    private static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused (is sshd running and listening on that port?)";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer in time (is the address right, and the node up?)";
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

    // ---- commands ----

    @Override
    public ExecResult exec(ExecRequest request) throws HostUnreachableException {
        SSHClient c = client();
        boolean asRoot = (request.sudo() || spec.become()) && !spec.user().equals("root");
        Sudo how = asRoot ? sudo(c) : null;
        String marker = "kubelab-" + HexFormat.of().formatHex(bytes(6));
        String line = (how == null ? "" : how.prefix()) + "env " + MARKER_VARIABLE + "=" + marker
                + " setsid -w bash -c " + Shell.quote(request.command());
        long started = System.nanoTime();
        Session session;
        Session.Command cmd;
        try {
            session = c.startSession();
            cmd = session.exec(line);
        } catch (IOException e) {
            throw lost(e, request.command());
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
        Thread outThread = LinePump.start(out, spec.name() + "-stdout");
        Thread errThread = LinePump.start(err, spec.name() + "-stderr");
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
                        throw lost(e, request.command());
                    }
                }
            }
            if (outcome != ExecResult.Outcome.EXITED) {
                end(cmd, marker, how);
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
            throw lost(null, request.command());
        }
        int exit = outcome != ExecResult.Outcome.EXITED ? -1
                : status != null ? status : cmd.getExitSignal() != null ? 128 + signalNumber(cmd.getExitSignal()) : -1;
        return new ExecResult(exit, out.text(), err.text(), Duration.ofNanos(System.nanoTime() - started), outcome);
    }

    /** Ends a command's process group on the node (found by its marker), then the channel. */
    private void end(Session.Command cmd, String marker, Sudo how) {
        try {
            cmd.signal(Signal.TERM);
        } catch (IOException e) {
            // The signal request is best effort; the group kill below is what counts.
        }
        // Every process carrying the marker that leads a process group has its group ended: the command's
        // own (setsid made it) and any a child made for itself. Groups it merely joined are left alone.
        String kill = "m='" + MARKER_VARIABLE + "=" + marker + "'; leaders=''; "
                + "for d in /proc/[0-9]*; do p=${d#/proc/}; grep -qaF \"$m\" \"$d/environ\" 2>/dev/null || continue; "
                + "g=$(ps -o pgid= -p \"$p\" 2>/dev/null | tr -d ' '); [ \"$g\" = \"$p\" ] && leaders=\"$leaders $p\"; done; "
                + "[ -z \"$leaders\" ] && exit 0; for g in $leaders; do kill -TERM -$g 2>/dev/null; done; sleep 1; "
                + "for g in $leaders; do kill -KILL -$g 2>/dev/null; done; exit 0"; // dash's kill takes no --
        try (Session s = client.startSession()) {
            Session.Command k = s.exec((how == null ? "" : how.prefix()) + "sh -c " + Shell.quote(kill));
            if (how != null) {
                how.feed(k.getOutputStream());
            }
            k.join(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // The connection is gone: nothing more can be done from here.
        }
        try {
            cmd.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    /** Finds out once how to become root here, asking for the sudo password (masked) only if sudo needs one. */
    private synchronized Sudo sudo(SSHClient c) throws HostUnreachableException {
        if (sudo != null) {
            return sudo;
        }
        if (run(c, "sudo -n true", null) == 0) {
            sudo = new Sudo("sudo -n ", null);
            return sudo;
        }
        Optional<String> password = settings.prompter().ask("[sudo] password for " + spec.user() + "@" + spec.name()
                + ":", true);
        if (password.isEmpty()) {
            throw new HostUnreachableException(spec.name(), "sudo needs a password for " + spec.user() + " and lab cannot "
                    + "ask here; run lab in a terminal, or allow passwordless sudo for " + spec.user(), true, null);
        }
        Sudo withPassword = new Sudo("sudo -S -p '' ", password.get().toCharArray());
        if (run(c, withPassword.prefix() + "true", withPassword) != 0) {
            throw new HostUnreachableException(spec.name(), "sudo refused the password for " + spec.user(), true, null);
        }
        sudo = withPassword;
        return sudo;
    }

    /** A short command without the wrapper, for probing (exit status only); {@code how} may be null. */
    private int run(SSHClient c, String command, Sudo how) throws HostUnreachableException {
        try (Session s = c.startSession()) {
            Session.Command cmd = s.exec(command);
            try (OutputStream in = cmd.getOutputStream()) {
                if (how != null) {
                    how.feed(in);
                }
            }
            cmd.getInputStream().readAllBytes();
            cmd.join(20, TimeUnit.SECONDS);
            return cmd.getExitStatus() == null ? -1 : cmd.getExitStatus();
        } catch (IOException e) {
            throw lost(e, command);
        }
    }

    private HostUnreachableException lost(Exception e, String command) {
        closeQuietly();
        String what = command.length() > 60 ? command.substring(0, 57) + "..." : command;
        return new HostUnreachableException(spec.name(), "connection to " + address() + " lost while running `" + what
                + "`" + (e == null ? "" : ": " + why(e)) + "; lab reconnects on the next command", true, e);
    }

    // ---- files ----

    private synchronized SFTPClient sftp() throws HostUnreachableException {
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

    private boolean needsSudo() {
        return spec.become() && !spec.user().equals("root");
    }

    @Override
    public void upload(Path local, String remote, String mode, String owner) throws IOException, HostUnreachableException {
        String id = HexFormat.of().formatHex(bytes(6));
        String dir = remote.contains("/") ? remote.substring(0, remote.lastIndexOf('/')) : ".";
        String base = remote.substring(remote.lastIndexOf('/') + 1);
        boolean root = needsSudo();
        // Written beside the target (same file system) and renamed over it: never a half file in place.
        String finalTmp = dir + "/." + base + ".kubelab-" + id;
        // Without root, the upload goes straight beside the target; with sudo, via /tmp and then copied beside it.
        String staged = root ? "/tmp/.kubelab-" + id : finalTmp;
        if (!root) {
            expectOk(exec(ExecRequest.of("mkdir -p " + Shell.quote(dir.isEmpty() ? "/" : dir), Duration.ofSeconds(30))),
                    "create " + dir);
        }
        try {
            sftp().put(new FileSystemFile(local.toFile()), staged);
        } catch (IOException e) {
            quietRemove(staged);
            throw new IOException("upload of " + local + " to " + name() + ":" + remote + " failed: " + why(e), e);
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
        ExecResult r = exec(new ExecRequest(script + " || { rm -f " + Shell.quote(finalTmp) + "; exit 1; }",
                Duration.ofMinutes(2), OutputListener.NONE, null, root));
        expectOk(r, "install " + remote);
    }

    @Override
    public void download(String remote, Path local, String mode) throws IOException, HostUnreachableException {
        AtomicFiles.ensurePrivateDirectory(local.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(local.toAbsolutePath().getParent(), "." + local.getFileName(), ".part");
        try {
            if (needsSudo()) {
                ExecResult r = exec(new ExecRequest("base64 -w0 " + Shell.quote(remote), Duration.ofMinutes(2),
                        OutputListener.NONE, null, true));
                expectOk(r, "read " + remote);
                Files.write(tmp, Base64.getDecoder().decode(r.stdout().strip()));
            } else {
                try {
                    sftp().get(remote, new FileSystemFile(tmp.toFile()));
                } catch (IOException e) {
                    throw new IOException("cannot fetch " + name() + ":" + remote + ": " + why(e), e);
                }
            }
            if (mode != null) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString(LocalFiles.rwx(mode)));
            }
            Files.move(tmp, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public byte[] read(String path) throws IOException, HostUnreachableException {
        ExecResult r = exec(new ExecRequest("base64 -w0 " + Shell.quote(path), Duration.ofSeconds(30),
                OutputListener.NONE, null, false));
        if (!r.ok()) {
            throw new IOException(r.stderr().isBlank() ? "cannot read " + path : r.stderr().strip());
        }
        return Base64.getDecoder().decode(r.stdout().strip());
    }

    private void expectOk(ExecResult r, String what) throws IOException {
        if (!r.ok()) {
            throw new IOException("could not " + what + " on " + name() + ": " + (r.output().isBlank()
                    ? "exit status " + r.exitCode() : r.output().strip()));
        }
    }

    private void quietRemove(String path) {
        try {
            exec(ExecRequest.of("rm -f " + Shell.quote(path), Duration.ofSeconds(10)));
        } catch (HostUnreachableException e) {
            // The connection is gone; the hidden temp file stays behind, never the target.
        }
    }

    // ---- small things ----

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
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
        if (sudo != null && sudo.password() != null) {
            java.util.Arrays.fill(sudo.password(), '\0');
        }
    }

    /** Key passphrases, asked once per key file (masked) and kept in memory only. */
    static final class Passphrases {
        private final java.util.Map<Path, char[]> known = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Set<Path> unanswered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final io.kubelab.labs.run.Prompter prompter;

        Passphrases(io.kubelab.labs.run.Prompter prompter) {
            this.prompter = prompter;
        }

        /** A key whose passphrase was needed when no one could be asked. */
        Optional<Path> unanswered() {
            return unanswered.stream().findFirst();
        }

        PasswordFinder finder(Path key) {
            return new PasswordFinder() {
                @Override
                public char[] reqPassword(Resource<?> resource) {
                    char[] p = known.computeIfAbsent(key, k -> prompter.ask("Passphrase for key " + k + ":", true)
                            .map(String::toCharArray).orElse(new char[0]));
                    if (p.length == 0) {
                        known.remove(key);
                        unanswered.add(key); // sshj turns this into a failed login; the host names the reason
                        return null;
                    }
                    return p.clone();
                }

                @Override
                public boolean shouldRetry(Resource<?> resource) {
                    known.remove(key); // a wrong passphrase is asked for again once
                    return false;
                }
            };
        }
    }
}
