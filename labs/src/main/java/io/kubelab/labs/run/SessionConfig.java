package io.kubelab.labs.run;

import io.kubelab.labs.Prompter;
import io.kubelab.checks.CheckRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a lab session needs from outside, passed in explicitly (no global state), so the
 * shell and the tests decide the environment, state folder and language.
 *
 * @param env     the environment commands run with (PATH, HOME, KUBECONFIG, ...)
 * @param given   variable values from --set
 * @param checkTimeout how long one check may take to look
 */
public record SessionConfig(Path stateDir, Map<String, String> env, String language,
                            Map<String, String> given, Prompter prompter, RunListener listener,
                            CheckRegistry registry, Duration checkTimeout) {

    public SessionConfig {
        env = Map.copyOf(env);
        given = Map.copyOf(given);
        checkTimeout = checkTimeout == null ? Duration.ofSeconds(10) : checkTimeout;
    }

    public Path workFolder(String lab) {
        return stateDir.resolve("work").resolve(lab);
    }
}
