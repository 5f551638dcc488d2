package io.kubelab.checks.onhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.testing.FakeTools;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each host check passes on a good host and fails with the exact value it observed on a bad one. */
class HostChecksTest {
    @TempDir
    Path dir;
    FakeTools tools;

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(dir);
    }

    private CheckResult run(io.kubelab.checks.Check check) {
        return check.run(new CheckContext(tools.host(), ClusterAccess.none(), Duration.ofSeconds(10)));
    }

    @Test
    void commandPassesOnExitZeroAndMatchingOutput() {
        CheckResult r = run(CommandCheck.from(Params.of("command", "echo hello world", "match", "hello \\w+")));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("exit status 0: hello world", r.observed());
        assertEquals("on local: echo hello world", r.evidence());
    }

    @Test
    void commandFailsWithTheExitStatusAndOutputSeen() {
        CheckResult r = run(CommandCheck.from(Params.of("command", "echo 'no such unit' >&2; exit 3")));
        assertEquals(Status.FAIL, r.status());
        assertEquals("exit status 3: no such unit", r.observed());
        assertEquals("exit status 0", r.expected());
    }

    @Test
    void commandFailsWhenOutputDoesNotMatch() {
        CheckResult r = run(CommandCheck.from(Params.of("command", "echo inactive", "match", "^active$")));
        assertEquals(Status.FAIL, r.status());
        assertEquals("output did not match: inactive", r.observed());
    }

    @Test
    void commandThatHangsIsAnErrorNotAFail() {
        CheckResult r = CommandCheck.from(Params.of("command", "sleep 30"))
                .run(new CheckContext(tools.host(), ClusterAccess.none(), Duration.ofMillis(300)));
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.observed().contains("timed out"), r.observed());
    }

    @Test
    void binaryVersionParsesEachToolsOwnOutput() throws Exception {
        tools.script("minikube", "[ \"$1 $2\" = 'version --short' ] && echo v1.34.0");
        tools.script("kubeadm", "[ \"$*\" = 'version -o short' ] && echo v1.31.2");
        tools.script("ansible", "printf 'ansible [core 2.17.5]\\n  config file = None\\n'");
        CheckResult m = run(BinaryVersionCheck.from(Params.of("binary", "minikube", "min", "1.30.0")));
        assertEquals(Status.PASS, m.status(), m.toString());
        assertEquals("minikube 1.34.0 at " + tools.bin().resolve("minikube"), m.observed());
        assertEquals(Status.PASS, run(BinaryVersionCheck.from(Params.of("binary", "kubeadm", "min", "1.31"))).status());
        CheckResult a = run(BinaryVersionCheck.from(Params.of("binary", "ansible", "min", "2.16")));
        assertEquals("ansible 2.17.5 at " + tools.bin().resolve("ansible"), a.observed());
    }

    @Test
    void binaryVersionFailsWhenTooOldOrMissing() throws Exception {
        tools.script("minikube", "echo v1.25.2");
        CheckResult old = run(BinaryVersionCheck.from(Params.of("binary", "minikube", "min", "1.30.0")));
        assertEquals(Status.FAIL, old.status());
        assertEquals("minikube 1.25.2 at " + tools.bin().resolve("minikube"), old.observed());
        assertTrue(old.hint().contains("minikube.sigs.k8s.io"), old.hint());
        CheckResult missing = run(BinaryVersionCheck.from(Params.of("binary", "kops")));
        assertEquals(Status.FAIL, missing.status());
        assertEquals("kops not found on PATH", missing.observed());
    }

    @Test
    void resourcesReadsCpusAndMemory() throws Exception {
        CheckResult ok = run(ResourcesCheck.from(Params.of("cpus", 1, "memory_mb", 64)));
        assertEquals(Status.PASS, ok.status(), ok.toString());
        assertTrue(ok.observed().matches("\\d+ CPUs, \\d+ MB total memory"), ok.observed());
        tools.script("nproc", "echo 1");
        CheckResult few = run(ResourcesCheck.from(Params.of("cpus", 2, "memory_mb", 64)));
        assertEquals(Status.FAIL, few.status());
        assertTrue(few.observed().startsWith("1 CPUs, "), few.observed());
    }

    /** Every Linux driver answers as it does on a machine that has none of them. */
    private void noDrivers() throws Exception {
        for (String tool : List.of("docker", "podman", "virsh", "qemu-system-x86_64", "qemu-system-aarch64", "VBoxManage")) {
            tools.script(tool, "echo \"bash: " + tool + ": command not found\" >&2; exit 127");
        }
    }

    @Test
    void minikubeDriverSaysWhichDriverAndWhy() throws Exception {
        noDrivers();
        tools.script("docker", "echo 27.3.1");
        CheckResult r = run(MinikubeDriverCheck.from(Params.of()));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("docker 27.3.1 is usable (minikube prefers docker when its daemon is healthy)", r.observed());
    }

    @Test
    void minikubeDriverReportsWhyEachDriverWasRefused() throws Exception {
        noDrivers();
        tools.script("docker", "echo 'permission denied while trying to connect to the Docker daemon socket at "
                + "unix:///var/run/docker.sock' >&2; exit 1");
        CheckResult r = run(MinikubeDriverCheck.from(Params.of()));
        assertEquals(Status.FAIL, r.status());
        assertEquals("docker: permission denied while trying to connect to the Docker daemon socket at "
                + "unix:///var/run/docker.sock; podman: not installed; kvm2: not installed; "
                + "qemu: not installed; virtualbox: not installed", r.observed());
    }

    @Test
    void aRequiredDriverThatIsRefusedNamesOneThatWorks() throws Exception {
        noDrivers();
        tools.script("docker", "echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
                + "Is the docker daemon running?' >&2; exit 1");
        tools.script("qemu-system-" + System.getProperty("os.arch").replace("amd64", "x86_64"),
                "echo 'QEMU emulator version 8.2.2 (Debian 1:8.2.2+ds-0ubuntu1)'");
        CheckResult r = run(MinikubeDriverCheck.from(Params.of("driver", "docker")));
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.observed().startsWith("docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
                + "Is the docker daemon running?; podman: not installed; "), r.observed());
        assertTrue(r.observed().endsWith("; virtualbox: not installed; usable: qemu"), r.observed());
        assertTrue(r.hint().endsWith("; or choose qemu, which works here"), r.hint());

        CheckResult qemu = run(MinikubeDriverCheck.from(Params.of("driver", "qemu2")));
        assertEquals(Status.PASS, qemu.status(), qemu.toString());
        assertEquals("qemu QEMU emulator version 8.2.2 (Debian 1:8.2.2+ds-0ubuntu1) is usable (as required)", qemu.observed());
    }
}
