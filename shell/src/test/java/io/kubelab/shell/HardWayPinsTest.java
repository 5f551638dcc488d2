package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hard way's downloads are checked against the pins of the machines' architecture: files laid
 * out for arm64 pass with arm64's SHA-256 and fail with amd64's (real sha256sum, no machines needed).
 */
class HardWayPinsTest {
    private static final List<String> PINNED = List.of("kubelet", "kubectl", "etcd", "containerd", "runc", "cni", "crictl");

    @TempDir
    Path home;

    @Test
    void eachArchitectureIsCheckedAgainstItsOwnPins() throws Exception {
        Path downloads = Files.createDirectories(home.resolve("state/kubelab/work/the-hard-way/downloads/arm64"));
        List<String> files = List.of("kubelet", "kubectl", "etcd-v3.6.14-linux-arm64.tar.gz",
                "containerd-2.3.4-linux-arm64.tar.gz", "runc.arm64", "cni-plugins-linux-arm64-v1.9.1.tgz",
                "crictl-v1.36.0-linux-arm64.tar.gz");
        List<String> arm64 = new ArrayList<>(List.of("check", "the-hard-way", "binaries", "--set", "arch=arm64", "-o", "json"));
        List<String> amd64 = new ArrayList<>(arm64);
        for (String b : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
            Files.writeString(downloads.resolve(b), "stand-in " + b + "\n");
            Files.writeString(downloads.resolve(b + ".sha256"), sha256(downloads.resolve(b)));
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = Files.writeString(downloads.resolve(files.get(i)), "stand-in " + files.get(i) + "\n");
            arm64.addAll(List.of("--set", PINNED.get(i) + "_sha256_arm64=" + sha256(f)));
            amd64.addAll(List.of("--set", PINNED.get(i) + "_sha256_amd64=" + sha256(f)));
        }
        ShellRun.Result right = new ShellRun(home).run(arm64.toArray(new String[0]));
        assertEquals(0, right.exit(), right.toString());
        new ShellRun(home).run("reset", "the-hard-way", "--all", "--yes");
        ShellRun.Result wrong = new ShellRun(home).run(amd64.toArray(new String[0]));
        assertEquals(1, wrong.exit(), wrong.toString());
        assertTrue(wrong.out().contains("runc.arm64: FAILED") && wrong.out().contains("7 computed checksums did NOT match"),
                "arm64's own pins are asked, not amd64's: " + wrong.out());
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
