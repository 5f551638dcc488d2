package io.kubelab.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The author's hint is about the fix; when the check could not look, the hint is about that instead. */
class CheckResultTest {
    @Test
    void theAuthorsHintReplacesTheChecksOwnOnlyWhereTheCheckCouldLook() {
        CheckResult failed = CheckResult.fail("swap off", "swap in use", "on node3", "swapoff -a");
        assertEquals("Run `sudo swapoff -a`", failed.withHint("Run `sudo swapoff -a`").hint());
        CheckResult couldNotLook = CheckResult.error("host node3 reachable", "host key unknown", "on node3",
                "check that the host is up and that `lab env` can reach it");
        assertEquals("check that the host is up and that `lab env` can reach it",
                couldNotLook.withHint("Log in as root, or allow passwordless sudo").hint());
        assertEquals("", CheckResult.pass("swap off", "no swap", "on node3").withHint("anything").hint());
    }
}
