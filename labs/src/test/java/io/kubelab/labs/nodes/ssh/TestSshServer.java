package io.kubelab.labs.nodes.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An embedded Apache MINA SSHD server for fast tests: the real SSH protocol, a pinned host key,
 * key-only login from an authorized_keys file, commands run by /bin/sh on this machine, SFTP.
 */
public final class TestSshServer implements AutoCloseable {
    private final KeyPair hostKey;
    private final Path authorizedKeys;
    private SshServer server;
    private int port;
    /** Where clients asked this server to open a tunnel to (direct-tcpip): it is a jump host for them. */
    final java.util.List<String> tunnels = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Every command line a client asked it to run, one per channel, in order. */
    final java.util.List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A folder put first on the PATH of the commands it runs (for test-fixture tools such as sudo). */
    volatile Path fixtures;

    public TestSshServer(Path authorizedKeys) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        this.hostKey = g.generateKeyPair();
        this.authorizedKeys = authorizedKeys;
        start(0);
    }

    /** (Re)starts the server; port 0 picks a free one, a number reuses it after {@link #stop()}. */
    void start(int wanted) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(wanted);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        // MINA's file-watching authenticator can see an empty file while another login reloads it: one at a time.
        AuthorizedKeysAuthenticator keys = new AuthorizedKeysAuthenticator(authorizedKeys);
        server.setPublickeyAuthenticator((user, key, session) -> {
            synchronized (keys) {
                return keys.authenticate(user, key, session);
            }
        });
        server.setPasswordAuthenticator((user, password, session) -> "letmein".equals(password));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            String line = fixtures == null ? command : "PATH=" + fixtures + ":$PATH; " + command;
            // MINA SSHD 2.20 runs the factory's command line (by /bin/sh -c): give it the line with the fixtures' PATH.
            return new ProcessShellFactory(line, "/bin/sh", "-c", line).createShell(channel);
        });
        server.setForwardingFilter(new org.apache.sshd.server.forward.AcceptAllForwardingFilter() {
            @Override
            public boolean canConnect(Type type, org.apache.sshd.common.util.net.SshdSocketAddress address,
                                      org.apache.sshd.common.session.Session session) {
                tunnels.add(address.getHostName() + ":" + address.getPort());
                return true;
            }
        });
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        // OpenSSH's default MaxSessions: a stock sshd refuses an 11th session on one connection.
        org.apache.sshd.core.CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(server, 10);
        server.start();
        port = server.getPort();
    }

    public void stop() throws IOException {
        server.stop(true);
    }

    public int port() {
        return port;
    }

    /** The known_hosts line for this server, as OpenSSH writes it. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    public Path writeKnownHosts(Path file) throws IOException {
        return Files.writeString(file, knownHostsLine() + "\n");
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
