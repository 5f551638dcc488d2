package io.kubelab.labs.nodes.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.schmizz.sshj.common.Factory;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * sshj's configuration, shared by every connection of a run: modern algorithms only, all of them
 * in the JDK (BouncyCastle is not registered as a provider). {@link #warmUp()} starts making it on
 * a thread of its own as soon as a command looks like it will reach nodes, so loading sshj's classes
 * overlaps with parsing the command line and loading the lab.
 */
public final class SshStack {
    private CompletableFuture<Config> config;

    /** Starts making the configuration in the background (once). */
    public synchronized SshStack warmUp() {
        if (config == null) {
            config = CompletableFuture.supplyAsync(SshStack::make, r -> {
                Thread t = new Thread(r, "ssh-init");
                t.setDaemon(true);
                t.start();
            });
        }
        return this;
    }

    public Config config() {
        return warmUp().configFuture().join();
    }

    private synchronized CompletableFuture<Config> configFuture() {
        return config;
    }

    /** Modern algorithms only, in the order OpenSSH prefers them (no SHA-1, MD5, CBC, 3DES, Blowfish, DSA). */
    static final List<String> KEY_EXCHANGES = List.of("curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256");
    static final List<String> CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
            "chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr");
    static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
            "hmac-sha2-256", "hmac-sha2-512");
    static final List<String> HOST_KEYS = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256", "ssh-ed25519-cert-v01@openssh.com");

    private static Config make() {
        // Every algorithm below is in the JDK's own providers (SunEC has X25519, Ed25519 and ECDSA), and sshj
        // uses BouncyCastle's classes directly where a key format needs them. Registering BouncyCastle as
        // a provider would cost ~200 ms on every run that reaches a node, for nothing (sshj's setting is
        // process-wide; lab never wants it on).
        SecurityUtils.setRegisterBouncyCastle(false);
        DefaultConfig c = new DefaultConfig();
        c.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE); // answers are required: a dead peer is noticed
        c.setKeyExchangeFactories(only(c.getKeyExchangeFactories(), KEY_EXCHANGES));
        c.setCipherFactories(only(c.getCipherFactories(), CIPHERS));
        c.setMACFactories(only(c.getMACFactories(), MACS));
        c.setKeyAlgorithms(only(c.getKeyAlgorithms(), HOST_KEYS));
        return c;
    }

    /** The factories named in {@code wanted}, in that order. */
    private static <T extends Factory.Named<?>> List<T> only(List<T> available, List<String> wanted) {
        List<T> out = new ArrayList<>();
        for (String name : wanted) {
            available.stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(out::add);
        }
        return out;
    }
}
