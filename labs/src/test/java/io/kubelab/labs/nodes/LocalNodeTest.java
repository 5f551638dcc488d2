package io.kubelab.labs.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local command asked to run as root does, through sudo, or is refused: never silently run as the user. */
class LocalNodeTest {
    @TempDir
    Path dir;

    /** A test fixture standing in for sudo: it logs its arguments, and answers -n true as {@code passwordless} says. */
    private LocalNode nodeWithSudo(boolean passwordless, boolean root) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path sudo = bin.resolve("sudo");
        Files.writeString(sudo, """
                #!/bin/sh
                echo "$*" >> %s
                [ "$1" = -n ] && [ "$2" = true ] && exit %d
                shift; [ "$1" = -- ] && shift
                exec "$@"
                """.formatted(dir.resolve("sudo.log"), passwordless ? 0 : 1));
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "USER", "learner");
        return new LocalNode(new LocalHost(env, dir), root);
    }

    private static ExecRequest asRoot(String command) {
        return ExecRequest.of(command, Duration.ofSeconds(10)).asRoot(true);
    }

    @Test
    void withPasswordlessSudoTheCommandRunsThroughSudo() throws Exception {
        LocalNode node = nodeWithSudo(true, false);
        assertEquals("hello\n", node.exec(asRoot("echo hello")).stdout());
        String log = Files.readString(dir.resolve("sudo.log"));
        assertTrue(log.contains("-n true") && log.contains("-n -- bash -c echo hello"), log);
    }

    @Test
    void whenSudoWantsAPasswordTheCommandIsRefusedNotRunAsTheUser() throws Exception {
        LocalNode node = nodeWithSudo(false, false);
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> node.exec(asRoot("touch " + dir.resolve("ran"))));
        assertTrue(e.reason().contains("sudo on this machine asks for a password") && e.reason().contains("learner"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("ran")), "the command did not run");
    }

    @Test
    void asRootNoSudoIsNeededAndCommandsWithoutSudoNeverUseIt() throws Exception {
        assertEquals("as root\n", nodeWithSudo(false, true).exec(asRoot("echo as root")).stdout());
        assertEquals("plain\n", nodeWithSudo(false, false).exec(ExecRequest.of("echo plain", Duration.ofSeconds(10)))
                .stdout());
        assertFalse(Files.exists(dir.resolve("sudo.log")), "sudo was never asked");
    }
}
