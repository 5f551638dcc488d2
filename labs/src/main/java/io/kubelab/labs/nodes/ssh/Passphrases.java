package io.kubelab.labs.nodes.ssh;

import io.kubelab.labs.Prompter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/** Key passphrases, asked once per key file (masked) and kept in memory only; shared by the hosts of a run. */
final class Passphrases {
    private final Map<Path, char[]> known = new ConcurrentHashMap<>();
    private final Set<Path> unanswered = ConcurrentHashMap.newKeySet();
    private final Prompter prompter;

    Passphrases(Prompter prompter) {
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
