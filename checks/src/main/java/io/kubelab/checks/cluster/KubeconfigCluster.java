package io.kubelab.checks.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubelab.checks.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A cluster reached through a kubeconfig file and (optionally) a named context, with short
 * timeouts and no retries: a check must say "cannot reach the API" in seconds, never hang.
 * fabric8 is only loaded when a cluster check first asks for the client.
 */
public final class KubeconfigCluster implements ClusterAccess {
    private final Path kubeconfig;
    private final String context;
    private final Duration timeout;
    private KubernetesClient client;

    public KubeconfigCluster(Path kubeconfig, String context, Duration timeout) {
        this.kubeconfig = kubeconfig;
        this.context = context == null || context.isBlank() ? null : context;
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        String where = "kubeconfig " + kubeconfig + (context == null ? "" : ", context " + context);
        return Kubeconfig.tryRead(kubeconfig).flatMap(k -> k.serverOf(context)).map(s -> s + " (" + where + ")")
                .orElse(where);
    }

    @Override
    public synchronized KubernetesClient client() throws ClusterUnreachableException {
        if (client != null) {
            return client;
        }
        if (!Files.isReadable(kubeconfig)) {
            throw new ClusterUnreachableException("no kubeconfig at " + kubeconfig);
        }
        Config config;
        try {
            config = Config.fromKubeconfig(context, kubeconfig.toFile());
        } catch (RuntimeException e) {
            try {
                Kubeconfig.read(kubeconfig); // a file that is not YAML: said in one line, with where, in any language
            } catch (IOException invalid) {
                throw new ClusterUnreachableException(invalid.getMessage(), invalid); // it names the file
            }
            throw new ClusterUnreachableException("cannot use kubeconfig " + kubeconfig + ": " + YamlProblem.oneLine(e.getMessage()), e);
        }
        int millis = (int) timeout.toMillis();
        config.setConnectionTimeout(Math.min(millis, 3000));
        config.setRequestTimeout(millis);
        config.setRequestRetryBackoffLimit(0);
        client = new KubernetesClientBuilder().withConfig(config).build();
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
