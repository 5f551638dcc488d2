package io.kubelab.checks.onhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The range comes from the checkout's own version-check playbook, and the version from the real
 * ansible-playbook installed here: one range it meets, and kubespray v2.31's, which Debian's
 * Ansible does not.
 */
class AnsibleVersionCheckTest {
    @TempDir
    Path dir;

    private CheckResult check(String min, String max) throws Exception {
        Path play = Files.createDirectories(dir.resolve("kubespray/playbooks")).resolve("ansible_version.yml");
        Files.writeString(play, """
                ---
                - name: Check Ansible version
                  hosts: all
                  gather_facts: false
                  vars:
                    minimal_ansible_version: %s
                    maximal_ansible_version: %s
                """.formatted(min, max));
        return AnsibleVersionCheck.from(Params.of("checkout", dir.resolve("kubespray").toString()))
                .run(new CheckContext(new LocalHost(Map.of("PATH", "/usr/bin:/bin"), dir), ClusterAccess.none(),
                        Duration.ofSeconds(30)));
    }

    @Test
    void theRangeIsTheCheckoutsAndTheVersionTheInstalledAnsibles() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-playbook")), "ansible is not installed here");
        CheckResult met = check("2.14.0", "99.0.0");
        assertEquals(Status.PASS, met.status(), met.toString());
        assertTrue(met.observed().matches("ansible-core 2\\.\\d+\\.\\d+"), met.observed());
        CheckResult v231 = check("2.18.0", "2.19.0");
        assertEquals(Status.FAIL, v231.status(), v231.toString());
        assertEquals("ansible-core ≥ 2.18.0 and < 2.19.0 (what playbooks/ansible_version.yml asserts)", v231.expected());
        assertTrue(v231.hint().startsWith("make a virtual environment with the checkout's requirements: python3 -m venv"),
                v231.hint());
    }

    @Test
    void aFolderThatIsNotACheckoutIsSaid() {
        CheckResult r = AnsibleVersionCheck.from(Params.of("checkout", dir.resolve("nothing").toString()))
                .run(new CheckContext(new LocalHost(Map.of("PATH", "/usr/bin:/bin"), dir), ClusterAccess.none(),
                        Duration.ofSeconds(30)));
        assertEquals(Status.FAIL, r.status());
        assertEquals("no " + dir.resolve("nothing/playbooks/ansible_version.yml"), r.observed());
    }
}
