package io.kubelab.labs.nodes.ssh;

import io.kubelab.labs.Prompter;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Strict host key checking, as OpenSSH does it. A key is accepted when ~/.ssh/known_hosts
 * (hashed entries included) or lab's own known_hosts lists it. An unknown key is shown as
 * SHA256:... and must be accepted at a prompt (or with --accept-new-host-keys), then remembered
 * in lab's file. A changed key is always refused, naming the old and new fingerprints and the
 * line to remove. There is no way to trust every key.
 *
 * @param files       the known_hosts files to read, the learner's first
 * @param remember    lab's own known_hosts, where accepted keys are written
 * @param acceptNew   accept unknown keys without asking (never changed ones)
 */
public record HostKeyPolicy(List<Path> files, Path remember, Prompter prompter, boolean acceptNew) {

    public HostKeyPolicy {
        files = List.copyOf(files);
    }

    /** Why a host's key was refused, in words; thrown by the host as "unreachable". */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** This policy reading {@code first} before its own files (known_hosts the inventory names for a host). */
    public HostKeyPolicy readingFirst(List<Path> first) {
        if (first.isEmpty()) {
            return this;
        }
        List<Path> all = new java.util.ArrayList<>(first);
        all.addAll(files);
        return new HostKeyPolicy(all, remember, prompter, acceptNew);
    }

    /** A verifier for one connection; after a refusal, {@link Verifier#refusal()} says why. */
    public Verifier verifierFor(String hostName) {
        return new Verifier(hostName);
    }

    public final class Verifier implements HostKeyVerifier {
        private final String hostName;
        private String refusal;

        private Verifier(String hostName) {
            this.hostName = hostName;
        }

        public Optional<String> refusal() {
            return Optional.ofNullable(refusal);
        }

        @Override
        public boolean verify(String address, int port, PublicKey key) {
            String entryName = port == 22 ? address : "[" + address + "]:" + port;
            String shown = hostName + (hostName.equals(address) ? "" : " (" + address + ")")
                    + (port == 22 ? "" : " port " + port);
            String fingerprint = Fingerprint.of(key);
            for (Path file : files) {
                for (Known k : known(file, entryName)) {
                    if (k.matches(key)) {
                        return true;
                    }
                    if (k.sameType(key)) {
                        refusal = "host key of " + shown + " has CHANGED: " + k.file() + ":" + k.line() + " has "
                                + k.fingerprint() + ", the host now offers " + Fingerprint.type(key) + " " + fingerprint
                                + ". Someone may be intercepting the connection, or the node was rebuilt; if you are "
                                + "sure it was rebuilt, remove line " + k.line() + " of " + k.file()
                                + " (ssh-keygen -R '" + entryName + "' -f " + k.file() + ") and connect again";
                        return false;
                    }
                }
            }
            String question = "The authenticity of host " + shown + " can't be established.\n"
                    + Fingerprint.type(key) + " key fingerprint is " + fingerprint + ".\n"
                    + "Are you sure you want to continue connecting and remember it?";
            boolean accepted;
            synchronized (HostKeyPolicy.this) { // one question at a time when a group connects at once
                accepted = acceptNew || prompter.confirm(question).orElse(false);
            }
            if (!accepted) {
                refusal = "host key of " + shown + " is not known: " + Fingerprint.type(key) + " " + fingerprint
                        + ". Check it on the node (ssh-keygen -lf /etc/ssh/ssh_host_" + Fingerprint.type(key)
                        .toLowerCase(java.util.Locale.ROOT) + "_key.pub), then accept it at the prompt, "
                        + "or pass --accept-new-host-keys";
                return false;
            }
            try {
                remember(entryName, key);
            } catch (IOException e) {
                // Accepted for this session; it will be asked again next time.
            }
            return true;
        }

        private void remember(String entryName, PublicKey key) throws IOException {
            synchronized (HostKeyPolicy.this) { // hosts of a group connect at once; one line each
                AtomicFiles.ensurePrivateFile(remember);
                String line = entryName + " " + net.schmizz.sshj.common.KeyType.fromKey(key) + " "
                        + Fingerprint.blobBase64(key) + "\n";
                Files.write(remember, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND,
                        StandardOpenOption.SYNC);
            }
        }

        @Override
        public List<String> findExistingAlgorithms(String address, int port) {
            String entryName = port == 22 ? address : "[" + address + "]:" + port;
            List<String> algorithms = new ArrayList<>();
            for (Path file : files) {
                for (Known k : known(file, entryName)) {
                    algorithms.add(k.type());
                }
            }
            return algorithms;
        }
    }

    /** A known_hosts line that applies to a host. */
    private record Known(Path file, int line, String type, String base64, OpenSSHKnownHosts.KnownHostEntry entry) {
        boolean matches(PublicKey key) {
            try {
                return entry.verify(key);
            } catch (IOException e) {
                return false;
            }
        }

        boolean sameType(PublicKey key) {
            return type.equals(net.schmizz.sshj.common.KeyType.fromKey(key).toString());
        }

        String fingerprint() {
            return type + " " + Fingerprint.ofBase64(base64);
        }
    }

    /** The entries of a known_hosts file that apply to {@code entryName}, with their line numbers. */
    private static List<Known> known(Path file, String entryName) {
        List<Known> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file);
            OpenSSHKnownHosts parsed = new OpenSSHKnownHosts(file.toFile());
            for (OpenSSHKnownHosts.KnownHostEntry e : parsed.entries()) {
                if (!e.appliesTo(entryName) || e.getLine() == null) {
                    continue;
                }
                String[] fields = e.getLine().strip().split("\\s+");
                int first = fields[0].startsWith("@") ? 1 : 0;
                if (fields.length < first + 3) {
                    continue;
                }
                int lineNo = lines.indexOf(e.getLine()) + 1;
                out.add(new Known(file, lineNo, fields[first + 1], fields[first + 2], e));
            }
        } catch (IOException e) {
            // An unreadable file knows nothing.
        }
        return out;
    }
}
