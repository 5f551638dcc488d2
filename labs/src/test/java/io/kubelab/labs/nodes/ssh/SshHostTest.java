package io.kubelab.labs.nodes.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.host.Cancellation;
import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.FileRead;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.OutputListener;
import io.kubelab.labs.nodes.inventory.InventoryHost;
import io.kubelab.labs.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sshj against a real SSH server (embedded MINA SSHD) with a pinned host key. */
class SshHostTest {
    @TempDir
    Path dir;
    Path key;
    Path knownHosts;
    Path labKnownHosts;
    TestSshServer server;
    SshHosts hosts;

    @BeforeEach
    void setUp() throws Exception {
        key = keygen("id_ed25519", "ed25519", "");
        server = new TestSshServer(Files.writeString(dir.resolve("authorized_keys"),
                Files.readString(key.resolveSibling("id_ed25519.pub"))));
        knownHosts = server.writeKnownHosts(dir.resolve("known_hosts"));
        labKnownHosts = dir.resolve("lab_known_hosts");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
        server.close();
    }

    private Path keygen(String name, String type, String passphrase, String... extra) throws Exception {
        Path k = dir.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-f", k.toString()));
        cmd.addAll(List.of(extra));
        assertEquals(0, new ProcessBuilder(cmd).inheritIO().start().waitFor());
        return k;
    }

    private SshHost host(Path keyFile, boolean acceptNew, Prompter prompter) {
        return host(new InventoryHost("node1", "127.0.0.1", server.port(), System.getProperty("user.name"),
                keyFile, false, null, null, Map.of(), null), acceptNew, prompter);
    }

    private SshHost host(InventoryHost spec, boolean acceptNew, Prompter prompter) {
        HostKeyPolicy policy = new HostKeyPolicy(List.of(knownHosts, labKnownHosts), labKnownHosts, prompter, acceptNew);
        hosts = new SshHosts(new io.kubelab.labs.nodes.inventory.Inventory(dir, Map.of(spec.name(), spec), Map.of()),
                new SshSettings(policy, prompter, Duration.ofSeconds(5), Duration.ofSeconds(5), List.of()), new SshStack());
        return hosts.host(spec);
    }

    private SshHost host() {
        return host(key, false, Prompter.NONE);
    }

    @Test
    void keepsExitCodesAndStreamsApartOnOneConnection() throws Exception {
        SshHost h = host();
        ExecResult r = h.exec(ExecRequest.of("echo out; echo err >&2; exit 3", Duration.ofSeconds(10)));
        assertEquals(3, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        var first = h.client();
        assertEquals(0, h.exec(ExecRequest.of("true", Duration.ofSeconds(10))).exitCode());
        assertTrue(first == h.client(), "the connection is reused");
    }

    /** Many checks on one node share its one connection: they take turns within the server's session limit. */
    @Test
    void manyCommandsAtOnceStayWithinTheServersSessionLimit() throws Exception {
        SshHost h = host();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<ExecResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String n = String.valueOf(i);
                runs.add(pool.submit(() -> h.exec(ExecRequest.of("sleep 0.3; echo " + n, Duration.ofSeconds(30)))));
            }
            for (int i = 0; i < 20; i++) {
                ExecResult r = runs.get(i).get();
                assertEquals(0, r.exitCode(), r.stderr());
                assertEquals(i + "\n", r.stdout());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Quiet commands (what checks run) share one long-lived runner on the node instead of a channel
     * each, and come back exactly as a channel gives them: status, stdout and stderr apart, no
     * trailing newline, CRLF, quotes, newlines and non-ASCII in the command, large output.
     */
    @Test
    void quietCommandsShareOneRunnerAndComeBackAsAChannelGivesThem() throws Exception {
        SshHost h = host();
        for (int i = 0; i < 20; i++) {
            assertEquals(i + "\n", h.exec(ExecRequest.of("echo " + i, Duration.ofSeconds(10))).stdout());
        }
        assertEquals(1, server.commands.size(), "one channel, the runner's: " + server.commands);
        ExecResult r = h.exec(ExecRequest.of("printf 'a\\r\\nb'; printf 'é \"x\" $HOME\\n' >&2; exit 7", Duration.ofSeconds(10)));
        assertEquals(7, r.exitCode());
        assertEquals("a\nb\n", r.stdout());
        assertEquals("é \"x\" $HOME\n", r.stderr(), "the command's own quoting, not expanded again on the way");
        assertEquals("one\ntwo\n", h.exec(ExecRequest.of("echo one\necho two", Duration.ofSeconds(10))).stdout());
        assertEquals("", h.exec(ExecRequest.of("true", Duration.ofSeconds(10))).stdout());
        ExecResult big = h.exec(ExecRequest.of("seq 1 200000; seq 1 3 >&2", Duration.ofSeconds(30)));
        assertTrue(big.stdout().startsWith("1\n2\n") && big.stdout().endsWith("199999\n200000\n"), "all of it, in order");
        assertEquals("1\n2\n3\n", big.stderr());
        assertEquals(1, server.commands.size(), server.commands.toString());
        // The command's environment is a channel's: the locale it had, nothing of the runner's, its marker.
        String env = "echo \"${LC_ALL-unset} ${LANG-unset} ${id-none}${token-none}\"; echo ${KUBELAB_RUN%%-*}";
        List<String> viaChannel = new java.util.ArrayList<>();
        h.exec(ExecRequest.of(env, Duration.ofSeconds(10)).withListener((st, l) -> viaChannel.add(l)));
        assertEquals(String.join("\n", viaChannel) + "\n", h.exec(ExecRequest.of(env, Duration.ofSeconds(10))).stdout());
        assertEquals("kubelab", viaChannel.get(1));
        // A command whose output is shown as it comes (an action's) takes its own channel.
        List<String> lines = new java.util.ArrayList<>();
        h.exec(ExecRequest.of("echo shown", Duration.ofSeconds(10)).withListener((s, l) -> lines.add(l)));
        assertEquals(List.of("shown"), lines);
        assertEquals(3, server.commands.size(), server.commands.toString());
    }

    /** A node where the runner cannot work (here its bash refuses to start one) is found at once; every command then takes a channel. */
    @Test
    void whereTheRunnerCannotWorkCommandsTakeChannels() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Path bash = Files.writeString(fixtures.resolve("bash"), "#!/bin/sh\n"
                + "case \"$*\" in *--noprofile*) echo 'no runner here' >&2; exit 2;; esac\nexec /bin/bash \"$@\"\n");
        bash.toFile().setExecutable(true);
        server.fixtures = fixtures;
        SshHost h = host();
        for (int i = 0; i < 3; i++) {
            assertEquals(i + "\n", h.exec(ExecRequest.of("echo " + i, Duration.ofSeconds(10))).stdout());
        }
        assertEquals(4, server.commands.size(), "the runner once, then a channel each: " + server.commands);
    }

    @Test
    void streamsLargeOutput() throws Exception {
        List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ExecResult r = host().exec(ExecRequest.of("seq 1 300000", Duration.ofSeconds(30))
                .withListener((s, l) -> lines.add(l)));
        assertEquals(0, r.exitCode());
        assertEquals(300000, lines.size());
        assertEquals("300000", lines.get(lines.size() - 1));
        assertTrue(r.stdout().endsWith("299999\n300000\n"));
    }

    @Test
    void copiesFilesBothWaysWithModes() throws Exception {
        SshHost h = host();
        Path local = Files.writeString(dir.resolve("config.toml"), "version = 2\n");
        String remote = dir.resolve("remote/etc/containerd/config.toml").toString();
        h.upload(local, remote, "0640", null);
        assertEquals("version = 2\n", Files.readString(Path.of(remote)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(remote))));
        try (var left = Files.list(Path.of(remote).getParent())) {
            assertEquals(1, left.count(), "no temp file left beside the target");
        }
        Path back = dir.resolve("fetched/admin.conf");
        h.download(remote, back, "0600");
        assertEquals("version = 2\n", Files.readString(back));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(back)));
    }

    @Test
    void anUploadReplacesTheTargetAtomically() throws Exception {
        SshHost h = host();
        Path target = Files.writeString(dir.resolve("big.bin"), "old");
        byte[] big = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        Path local = Files.write(dir.resolve("big.local"), big);
        List<Long> seen = new CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    seen.add((long) Files.readAllBytes(target).length);
                } catch (Exception e) {
                    seen.add(-1L);
                }
            }
        });
        watcher.start();
        h.upload(local, target.toString(), "0644", null);
        watcher.interrupt();
        watcher.join();
        assertArrayEquals(big, Files.readAllBytes(target));
        assertTrue(seen.stream().allMatch(n -> n == 3 || n == big.length), "a reader only ever saw old or new: " + seen
                .stream().distinct().toList());
    }

    @Test
    void anUnknownHostKeyIsRefusedWithoutAskingWithItsFingerprint() throws Exception {
        Files.delete(knownHosts);
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> host().exec(ExecRequest.of("true", Duration.ofSeconds(10))));
        assertTrue(e.getMessage().matches("node1: host key of node1 \\(127\\.0\\.0\\.1\\) port \\d+ is not known: ECDSA "
                + "SHA256:[A-Za-z0-9+/]{43}\\. .*--accept-new-host-keys"), e.getMessage());
        assertTrue(e.reached());
    }

    @Test
    void anAcceptedHostKeyIsRememberedInLabsOwnFile() throws Exception {
        Files.delete(knownHosts);
        AtomicInteger asked = new AtomicInteger();
        Prompter yes = new Prompter() {
            @Override
            public Optional<String> ask(String q, boolean secret) {
                return Optional.empty();
            }

            @Override
            public Optional<Boolean> confirm(String q) {
                asked.incrementAndGet();
                assertTrue(q.contains("key fingerprint is SHA256:"), q);
                return Optional.of(true);
            }
        };
        assertEquals(0, host(key, false, yes).exec(ExecRequest.of("true", Duration.ofSeconds(10))).exitCode());
        assertEquals(1, asked.get());
        assertTrue(Files.readString(labKnownHosts).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 "));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(labKnownHosts)));
        hosts.close();
        assertEquals(0, host(key, false, Prompter.NONE).exec(ExecRequest.of("true", Duration.ofSeconds(10))).exitCode());
    }

    @Test
    void aChangedHostKeyIsAlwaysRefusedNamingTheLineToRemove() throws Exception {
        // Another server's key recorded for this address, as after a node rebuild (or an attack).
        try (TestSshServer other = new TestSshServer(dir.resolve("authorized_keys"))) {
            Files.writeString(knownHosts, "# learner's hosts\n" + other.knownHostsLine().replace(
                    ":" + other.port() + " ", ":" + server.port() + " ") + "\n");
        }
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> host(key, true, Prompter.NONE).exec(ExecRequest.of("true", Duration.ofSeconds(10))));
        assertTrue(e.getMessage().contains("has CHANGED: " + knownHosts + ":2 has ecdsa-sha2-nistp256 SHA256:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the host now offers ECDSA SHA256:"), e.getMessage());
        assertTrue(e.getMessage().contains("remove line 2 of " + knownHosts), e.getMessage());
        assertFalse(Files.exists(labKnownHosts), "a changed key is never accepted, even with --accept-new-host-keys");
    }

    @Test
    void hashedKnownHostsEntriesAreRecognised() throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertTrue(Files.readString(knownHosts).startsWith("|1|"), "hashed");
        assertEquals(0, host().exec(ExecRequest.of("true", Duration.ofSeconds(10))).exitCode());
    }

    @Test
    void aWrongKeyIsNamedInTheRefusal() throws Exception {
        Path other = keygen("id_other", "ed25519", "");
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> host(other, false, Prompter.NONE).exec(ExecRequest.of("true", Duration.ofSeconds(10))));
        assertTrue(e.getMessage().contains("could not log in as " + System.getProperty("user.name") + " with key " + other),
                e.getMessage());
        assertTrue(e.reached());
    }

    @Test
    void everyKeyFormatLogsIn() throws Exception {
        for (String[] k : new String[][] {{"id_ecdsa", "ecdsa"}, {"id_rsa", "rsa"}, {"id_rsa_pem", "rsa", "-m", "PEM"}}) {
            Path keyFile = k.length > 2 ? keygen(k[0], k[1], "", k[2], k[3]) : keygen(k[0], k[1], "");
            Files.writeString(dir.resolve("authorized_keys"), Files.readString(keyFile.resolveSibling(k[0] + ".pub")));
            assertEquals(0, host(keyFile, false, Prompter.NONE).exec(ExecRequest.of("true", Duration.ofSeconds(10)))
                    .exitCode(), k[0]);
            hosts.close();
        }
    }

    @Test
    void anEncryptedKeyAsksItsPassphraseOnce() throws Exception {
        Path keyFile = keygen("id_secret", "ed25519", "correct horse");
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(keyFile.resolveSibling("id_secret.pub")));
        AtomicInteger asked = new AtomicInteger();
        Prompter prompter = new Prompter() {
            @Override
            public Optional<String> ask(String q, boolean secret) {
                assertTrue(secret, "a passphrase is asked masked");
                asked.incrementAndGet();
                return Optional.of("correct horse");
            }

            @Override
            public Optional<Boolean> confirm(String q) {
                return Optional.empty();
            }
        };
        SshHost h = host(keyFile, false, prompter);
        assertEquals(0, h.exec(ExecRequest.of("true", Duration.ofSeconds(10))).exitCode());
        h.close(); // a reconnect does not ask again
        assertEquals(0, h.exec(ExecRequest.of("true", Duration.ofSeconds(10))).exitCode());
        assertEquals(1, asked.get());
    }

    @Test
    void aTimeoutEndsTheRemoteProcess() throws Exception {
        ExecResult r = host().exec(ExecRequest.of("sleep 1234.5", Duration.ofSeconds(1)));
        assertEquals(ExecResult.Outcome.TIMED_OUT, r.outcome());
        assertGone("sleep 1234.5");
    }

    @Test
    void cancelEndsTheRemoteProcessAndKeepsTheConnection() throws Exception {
        SshHost h = host();
        Cancellation cancel = new Cancellation();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(800);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        });
        t.start();
        ExecResult r = h.exec(new ExecRequest("sleep 1234.6 & sleep 1234.7; echo never", Duration.ofMinutes(1),
                OutputListener.NONE, cancel, false));
        t.join();
        assertEquals(ExecResult.Outcome.CANCELLED, r.outcome());
        assertGone("sleep 1234.6");
        assertGone("sleep 1234.7");
        assertEquals("still here\n", h.exec(ExecRequest.of("echo still here", Duration.ofSeconds(10))).stdout());
    }

    @Test
    void aDroppedConnectionFailsNamingTheHostThenReconnects() throws Exception {
        SshHost h = host();
        assertEquals(0, h.exec(ExecRequest.of("true", Duration.ofSeconds(10))).exitCode());
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(700);
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopper.start();
        long started = System.nanoTime();
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> h.exec(ExecRequest.of("sleep 1234.8", Duration.ofMinutes(2))));
        stopper.join();
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(30).toNanos(), "no hang");
        assertTrue(e.getMessage().startsWith("node1: connection to "), e.getMessage());
        assertTrue(e.getMessage().contains("lost while running `sleep 1234.8`"), e.getMessage());
        server.start(server.port());
        assertEquals("back\n", h.exec(ExecRequest.of("echo back", Duration.ofSeconds(10))).stdout());
        new ProcessBuilder("pkill", "-f", "^sleep 1234.8").start().waitFor(); // the embedded server leaves it behind
    }

    @Test
    void nothingListeningIsUnreachableNotReached() throws Exception {
        server.stop();
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> host().exec(ExecRequest.of("true", Duration.ofSeconds(10))));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertFalse(e.reached());
        server.start(server.port());
    }

    @Test
    void passwordLoginOnlyWhenTheInventoryGivesOne() throws Exception {
        InventoryHost withPassword = new InventoryHost("node1", "127.0.0.1", server.port(), "learner", null, false,
                "letmein", null, Map.of(), null);
        assertEquals("ok\n", host(withPassword, false, Prompter.NONE).exec(ExecRequest.of("echo ok",
                Duration.ofSeconds(10))).stdout());
        hosts.close();
        InventoryHost wrong = new InventoryHost("node1", "127.0.0.1", server.port(), "learner", null, false,
                "guess", null, Map.of(), null);
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> host(wrong, false, Prompter.NONE).exec(ExecRequest.of("true", Duration.ofSeconds(10))));
        assertTrue(e.getMessage().contains("could not log in as learner with the password from the inventory"),
                e.getMessage());
        assertFalse(e.getMessage().contains("guess"), "the password is never shown");
    }

    /**
     * A node that accepts the connection and then says nothing (a wedged sshd, or a port whose
     * packets are dropped once past the firewall): many commands at once cost one wait, not one
     * each, and it is said as a timeout. The next command tries again.
     */
    @Test
    void aSilentNodeCostsOneTimeoutPerCommandAndSaysSo() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
            List<java.net.Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                        accepted.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            InventoryHost spec = new InventoryHost("node9", "127.0.0.1", silent.getLocalPort(), "root", key, false, null,
                    null, Map.of(), null);
            HostKeyPolicy policy = new HostKeyPolicy(List.of(knownHosts), labKnownHosts, Prompter.NONE, false);
            hosts = new SshHosts(new io.kubelab.labs.nodes.inventory.Inventory(dir, Map.of("node9", spec), Map.of()),
                    new SshSettings(policy, Prompter.NONE, Duration.ofSeconds(2), Duration.ofSeconds(5), List.of()),
                    new SshStack());
            SshHost h = hosts.host(spec);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(9);
            long started = System.nanoTime();
            List<java.util.concurrent.Future<String>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 9; i++) {
                tries.add(pool.submit(() -> assertThrows(HostUnreachableException.class,
                        () -> h.exec(ExecRequest.of("true", Duration.ofSeconds(30)))).getMessage()));
            }
            for (var t : tries) {
                String message = t.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(message.contains("no answer in time"), message);
            }
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            pool.shutdownNow();
            assertEquals(1, accepted.get(), "one attempt for all nine");
            assertTrue(ms < 6000, "about one timeout (2 s), not nine: " + ms + " ms");
            hosts.forgetFailures(); // the next command
            assertThrows(HostUnreachableException.class, () -> h.exec(ExecRequest.of("true", Duration.ofSeconds(30))));
            assertEquals(2, accepted.get(), "a new command tries again");
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    /** A known_hosts file the inventory names for a host (-o UserKnownHostsFile=...) is read, first. */
    @Test
    void theInventorysKnownHostsFileIsRead() throws Exception {
        InventoryHost spec = new InventoryHost("node1", "127.0.0.1", server.port(), System.getProperty("user.name"), key,
                false, null, null, Map.of(), null, List.of(knownHosts), null);
        HostKeyPolicy none = new HostKeyPolicy(List.of(), labKnownHosts, Prompter.NONE, false);
        hosts = new SshHosts(new io.kubelab.labs.nodes.inventory.Inventory(dir, Map.of("node1", spec), Map.of()),
                new SshSettings(none, Prompter.NONE, Duration.ofSeconds(5), Duration.ofSeconds(5), List.of()), new SshStack());
        assertEquals("ok\n", hosts.host(spec).exec(ExecRequest.of("echo ok", Duration.ofSeconds(10))).stdout());
        assertFalse(Files.exists(labKnownHosts), "nothing was asked or remembered: the key was known");
    }

    /** Reads are bounded and refuse what is not a file; fetches stream any size, also through sudo. */
    @Test
    void readsAreBoundedAndFetchesStreamAnySizeAlsoAsRoot() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        // Test fixture: a sudo that needs no password.
        Files.writeString(fixtures.resolve("sudo"), "#!/bin/sh\n[ \"$1\" = -n ] && shift\nexec \"$@\"\n");
        fixtures.resolve("sudo").toFile().setExecutable(true);
        server.fixtures = fixtures;
        // "nobody" exists on every Debian machine: the staged copy is chowned to the login user.
        InventoryHost spec = new InventoryHost("node1", "127.0.0.1", server.port(), "nobody", key, true, null, null,
                Map.of(), null);
        SshHost h = host(spec, false, Prompter.NONE);
        byte[] seven = new byte[7 * 1024 * 1024];
        new java.util.Random(7).nextBytes(seven);
        Path remote = Files.write(dir.resolve("seven.bin"), seven);
        Path back = dir.resolve("fetched/seven.bin");
        h.download(remote.toString(), back, "0600");
        assertArrayEquals(seven, Files.readAllBytes(back), "7 MB arrive whole through sudo and SFTP");
        try (var left = Files.list(Path.of("/tmp"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".kubelab-fetch-")), "the staged copy is removed");
        }
        FileRead.Refused zero = assertThrows(FileRead.Refused.class, () -> h.download("/dev/zero", back, "0600"));
        assertEquals(FileRead.Reason.NOT_REGULAR, zero.reason());
        assertEquals(FileRead.Reason.NOT_REGULAR, assertThrows(FileRead.Refused.class, () -> h.read("/dev/zero")).reason());
        assertEquals(FileRead.Reason.MISSING, assertThrows(FileRead.Refused.class, () -> h.read("/no/such")).reason());
        assertEquals(FileRead.Reason.TOO_LARGE, assertThrows(FileRead.Refused.class, () -> h.read(remote.toString())).reason());
        Path small = Files.write(dir.resolve("small.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, h.read(small.toString()), "binary-safe");
    }

    @Test
    void becomeUsesPasswordlessSudoWhenItCan() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Path log = dir.resolve("sudo.log");
        // Test fixture: a sudo that needs no password and notes how it was called.
        Files.writeString(fixtures.resolve("sudo"), "#!/bin/sh\necho \"$*\" >> " + log + "\n"
                + "[ \"$1\" = -n ] && shift\nexec \"$@\"\n");
        fixtures.resolve("sudo").toFile().setExecutable(true);
        server.fixtures = fixtures;
        InventoryHost spec = new InventoryHost("node1", "127.0.0.1", server.port(), "learner", key, true, null, null,
                Map.of(), null);
        SshHost h = host(spec, false, Prompter.NONE);
        assertEquals("as root\n", h.exec(ExecRequest.of("echo as root", Duration.ofSeconds(10))).stdout());
        String calls = Files.readString(log);
        assertTrue(calls.startsWith("-n true\n"), calls);
        assertTrue(calls.contains("-n env KUBELAB_RUN="), calls);
    }

    @Test
    void sudoThatNeedsAPasswordAsksOnceMaskedAndKeepsItInMemory() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        // Test fixture: a sudo that wants the password "s3cret" on stdin (-S), like the real one.
        Files.writeString(fixtures.resolve("sudo"), """
                #!/bin/sh
                if [ "$1" = -n ]; then echo "sudo: a password is required" >&2; exit 1; fi
                if [ "$1" = -S ]; then shift; [ "$1" = -p ] && shift 2; read -r pw; [ "$pw" = s3cret ] || exit 1; fi
                exec "$@"
                """);
        fixtures.resolve("sudo").toFile().setExecutable(true);
        server.fixtures = fixtures;
        AtomicInteger asked = new AtomicInteger();
        Prompter prompter = new Prompter() {
            @Override
            public Optional<String> ask(String q, boolean secret) {
                assertTrue(secret);
                assertEquals("[sudo] password for learner@node1:", q);
                asked.incrementAndGet();
                return Optional.of("s3cret");
            }

            @Override
            public Optional<Boolean> confirm(String q) {
                return Optional.empty();
            }
        };
        SshHost h = host(new InventoryHost("node1", "127.0.0.1", server.port(), "learner", key, true, null, null,
                Map.of(), null), false, prompter);
        assertEquals("1\n", h.exec(ExecRequest.of("echo 1", Duration.ofSeconds(10))).stdout());
        assertEquals("2\n", h.exec(ExecRequest.of("echo 2", Duration.ofSeconds(10))).stdout());
        assertEquals(1, asked.get(), "asked once");
    }

    @Test
    void aNodeIsReachedThroughItsJumpHost() throws Exception {
        try (TestSshServer target = new TestSshServer(dir.resolve("authorized_keys"))) {
            Files.writeString(knownHosts, server.knownHostsLine() + "\n" + target.knownHostsLine() + "\n");
            InventoryHost behind = new InventoryHost("node1", "127.0.0.1", target.port(), System.getProperty("user.name"),
                    key, false, null, null, Map.of(), null);
            InventoryHost bastion = new InventoryHost("bastion", "127.0.0.1", server.port(),
                    System.getProperty("user.name"), key, false, null, null, Map.of(), null);
            behind = new InventoryHost("node1", "127.0.0.1", target.port(), behind.user(), key, false, null, "bastion",
                    Map.of(), null);
            HostKeyPolicy policy = new HostKeyPolicy(List.of(knownHosts), labKnownHosts, Prompter.NONE, false);
            hosts = new SshHosts(new io.kubelab.labs.nodes.inventory.Inventory(dir, Map.of("node1", behind, "bastion", bastion),
                    Map.of()), new SshSettings(policy, Prompter.NONE, Duration.ofSeconds(5), Duration.ofSeconds(5),
                    List.of()), new SshStack());
            SshHost h = hosts.host(behind);
            assertEquals("via bastion\n", h.exec(ExecRequest.of("echo via bastion", Duration.ofSeconds(10))).stdout());
            assertEquals(List.of("127.0.0.1:" + target.port()), server.tunnels, "the bastion opened the tunnel");
            assertTrue(h.address().endsWith(" via bastion"), h.address());
        }
    }

    @Test
    void anEncryptedKeyWithNoOneToAskSaysSo() throws Exception {
        Path keyFile = keygen("id_locked", "ed25519", "correct horse");
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(keyFile.resolveSibling("id_locked.pub")));
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> host(keyFile, false, Prompter.NONE).exec(ExecRequest.of("true", Duration.ofSeconds(10))));
        assertTrue(e.getMessage().contains("the key " + keyFile + " is encrypted and lab cannot ask for its passphrase "
                + "here; run lab in a terminal"), e.getMessage());
    }

    private static void assertGone(String commandLine) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Process p = new ProcessBuilder("pgrep", "-f", "^" + commandLine).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still running on the server: " + commandLine);
    }
}
