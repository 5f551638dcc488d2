package io.kubelab.checks.onhost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.testing.FakeTools;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each tool prints its version its own way; these are their real outputs (from the tools' releases). */
class VersionOutputsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kubeadm    | v1.31.2                                                                     | 1.31.2
            kubelet    | Kubernetes v1.31.2                                                          | 1.31.2
            kubectl    | Client Version: v1.31.2\\nKustomize Version: v5.4.2                          | 1.31.2
            containerd | containerd containerd.io 1.7.22 7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c    | 1.7.22
            etcd       | etcd Version: 3.5.15\\nGit SHA: 9a5533382\\nGo Version: go1.21.12           | 3.5.15
            minikube   | v1.34.0                                                                     | 1.34.0
            eksctl     | 0.194.0                                                                     | 0.194.0
            gcloud     | Google Cloud SDK 498.0.0\\nalpha 2024.10.25\\nbq 2.1.9\\ncore 2024.10.25     | 498.0.0
            az         | 2.65.0                                                                      | 2.65.0
            aws        | aws-cli/2.18.14 Python/3.12.6 Linux/6.8.0-1016-aws exe/x86_64.ubuntu.22     | 2.18.14
            kops       | 1.30.1                                                                      | 1.30.1
            ansible    | ansible [core 2.17.5]\\n  config file = None\\n  python version = 3.11.2     | 2.17.5
            """)
    void eachToolsVersionIsFound(String tool, String output, String version) throws Exception {
        FakeTools tools = new FakeTools(dir);
        tools.script(tool, "printf '" + output.strip().replace("'", "") + "\\n'");
        CheckResult r = BinaryVersionCheck.from(Params.of("binary", tool, "min", version))
                .run(new CheckContext(tools.host(), ClusterAccess.none(), Duration.ofSeconds(10)));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals(tool + " " + version + " at " + tools.bin().resolve(tool), r.observed());
    }
}
