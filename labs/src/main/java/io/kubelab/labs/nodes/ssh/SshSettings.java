package io.kubelab.labs.nodes.ssh;

import io.kubelab.labs.Prompter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How lab connects over SSH.
 *
 * @param defaultKeys   keys tried when the inventory names none (~/.ssh/id_ed25519, id_ecdsa, id_rsa)
 * @param keepAlive     how often an idle connection is probed; three missed answers drop it
 */
public record SshSettings(HostKeyPolicy hostKeys, Prompter prompter, Duration connectTimeout, Duration keepAlive,
                          List<Path> defaultKeys) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

    public SshSettings {
        defaultKeys = List.copyOf(defaultKeys);
    }

    public static List<Path> defaultKeys(Path home) {
        return List.of(home.resolve(".ssh/id_ed25519"), home.resolve(".ssh/id_ecdsa"), home.resolve(".ssh/id_rsa"));
    }
}
