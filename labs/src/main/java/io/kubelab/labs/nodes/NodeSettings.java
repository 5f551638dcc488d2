package io.kubelab.labs.nodes;

import io.kubelab.labs.Prompter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What opening the learner's nodes depends on, passed in explicitly (no global state).
 *
 * @param env               the environment lab runs in: HOME and USER, and what local commands run with
 * @param workingDirectory  where local commands run, and what relative inventory paths are relative to
 * @param stateDir          lab's state folder: progress (the remembered inventory) and lab's known_hosts
 * @param prompter          asks for unknown host keys, key passphrases and sudo passwords
 */
public record NodeSettings(Map<String, String> env, Path workingDirectory, Path stateDir, Prompter prompter) {

    public NodeSettings {
        env = Map.copyOf(env);
    }

    Path home() {
        String home = env.get("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home);
    }

    String user() {
        String user = env.get("USER");
        return user == null || user.isEmpty() ? "root" : user;
    }
}
