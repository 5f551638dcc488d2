package io.kubelab.shell.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.shell.ShellRun;
import io.kubelab.shell.ShellRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Practice machines for real (root): `lab machines up 3` boots three Debian machines with
 * systemd-nspawn, lab reaches them at once through the inventory it wrote, each has its own files
 * and its own running systemd, and `down` leaves nothing behind. The root tree is kept under
 * $KUBELAB_E2E, so it is built once per computer (about 20 s).
 */
@Tag("e2e")
class MachinesEndToEndTest {
    private static final Path STATE = Path.of(System.getenv().getOrDefault("KUBELAB_E2E", "/var/lib/kubelab-e2e"),
            "machines-state");

    @TempDir
    Path home;

    private Result lab(String... args) {
        List<String> all = new ArrayList<>(List.of("--state-dir", STATE.toString()));
        all.addAll(List.of(args));
        return new ShellRun(home).env("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .env("USER", "root").run(all.toArray(new String[0]));
    }

    @AfterEach
    void down() {
        lab("machines", "down");
    }

    @Test
    void threeMachinesOfTheirOwnThatLeaveNothingBehind() throws Exception {
        lab("machines", "down"); // what an interrupted earlier run may have left
        Result up = BootReport.logged(lab("machines", "up", "3", "--control-planes", "1"));
        assertEquals(0, up.exit(), up.toString());
        assertTrue(up.out().contains("node-1  10.79.0.11  kube_control_plane, etcd"), up.out());
        assertTrue(up.out().contains("shares this computer's kernel"), "it says what the machines carry: " + up.out());
        Path inventory = STATE.resolve("machines/inventory.yaml");

        // Reached and logged in at once: the host keys were read from the machines, nothing is asked.
        Result env = lab("env", "--inventory", inventory.toString(), "-o", "json");
        assertEquals(0, env.exit(), env.toString());
        List<String> hostnames = new ArrayList<>();
        JsonMapper.builder().build().readTree(env.out()).get("hosts").forEach(h -> {
            assertTrue(h.get("reachable").asBoolean() && h.get("authenticated").asBoolean(), h.toString());
            assertTrue(h.get("os").asString().contains("Debian GNU/Linux 12"), h.toString());
            hostnames.add(h.get("hostname").asString());
        });
        assertEquals(List.of("node-1", "node-2", "node-3"), hostnames);

        // Each machine has its own /etc and its own systemd, running.
        Path lab = Files.createDirectories(home.resolve("own-files"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: own-files
                title: {en: Own files, zh-CN: 各自的文件}
                steps:
                  - id: mark
                    title: {en: Mark one machine, zh-CN: 标记一台机器}
                    actions:
                      - {run: touch /etc/kubelab-e2e-mark, on: node-2}
                    checks:
                      - {id: marked, kind: file, on: node-2, with: {path: /etc/kubelab-e2e-mark}}
                      - id: others
                        kind: command
                        on: all
                        with: {command: "test -e /etc/kubelab-e2e-mark && hostname || echo clean", match: "^(clean|node-2)$"}
                      - id: systemd
                        kind: command
                        on: all
                        with: {command: "systemctl is-system-running; systemctl --failed --no-legend", match: "^(running|degraded)"}
                """);
        Result run = lab("run", lab.toString(), "mark", "--inventory", inventory.toString());
        assertEquals(0, run.exit(), run.toString());
        assertFalse(Files.exists(Path.of("/etc/kubelab-e2e-mark")), "the host's /etc is not the machines'");
        Result check = lab("check", lab.toString(), "-o", "json");
        JsonNode results = JsonMapper.builder().build().readTree(check.out()).get("results");
        results.forEach(r -> assertEquals("pass", r.get("status").asString(), r.toString()));
        assertEquals(7, results.size(), check.out());

        startUpFilesRunOncePerCommand(inventory);

        Result down = lab("machines", "down");
        assertEquals(0, down.exit(), down.toString());
        assertTrue(down.out().contains("nothing of them remains"), down.out());
        assertEquals("", leftovers());
    }

    /**
     * A node whose root .bashrc prints a line and logs the command it was started for (bash sets
     * BASH_EXECUTION_STRING): lab's wrapper shell must not read it a second time, and a capture and
     * an anchored match still work with the line it prints.
     */
    private void startUpFilesRunOncePerCommand(Path inventory) throws Exception {
        Path lab = Files.createDirectories(home.resolve("bashrc"));
        Files.writeString(lab.resolve("lab.yaml"), """
                format: 1
                id: bashrc
                title: {en: Start-up files, zh-CN: 启动文件}
                variables:
                  sshd_state: {}
                steps:
                  - id: heavy-bashrc
                    title: {en: A chatty .bashrc, zh-CN: 多话的 .bashrc}
                    actions:
                      - run: |
                          printf '%s\\n' 'echo "bashrc says hi"' 'echo "$BASH_EXECUTION_STRING" >> /root/bashrc.log' > /root/.bashrc
                          rm -f /root/bashrc.log
                        on: node-3
                  - id: under-it
                    title: {en: Work under it, zh-CN: 在其下工作}
                    actions:
                      - run: systemctl is-active ssh
                        on: node-3
                        capture: {sshd_state: '^(active|inactive)$'}
                      - {run: echo two, on: node-3}
                    checks:
                      - {id: active, kind: command, on: node-3, with: {command: systemctl is-active ssh, match: '^active$'}}
                      - {id: captured, kind: command, on: node-3, with: {command: 'test "{{sshd_state}}" = active'}}
                      - id: once
                        kind: command
                        on: node-3
                        with: {command: "grep -c 'ech[o] two' /root/bashrc.log", match: '^1$'}
                """);
        Result run = lab("run", lab.toString(), "heavy-bashrc", "--inventory", inventory.toString());
        assertEquals(0, run.exit(), run.toString());
        run = lab("run", lab.toString(), "under-it");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("node-3 | bashrc says hi"), "the login shell's start-up files still run: " + run);
        Result check = lab("check", lab.toString(), "under-it", "-o", "json");
        JsonNode results = JsonMapper.builder().build().readTree(check.out()).get("results");
        assertEquals(3, results.size(), check.out());
        results.forEach(r -> assertEquals("pass", r.get("status").asString(), r.toString()));
    }

    /**
     * A machine outlives a killed nspawn (lab crashed, or was killed while a machine powered off):
     * its systemd runs on with the machine's address. `down` still stops it and removes it, and its
     * name boots again.
     */
    @Test
    void aMachineWhoseNspawnWasKilledIsStillRemovedAndItsNameBootsAgain() throws Exception {
        lab("machines", "down");
        Result up = BootReport.logged(lab("machines", "up", "1"));
        assertEquals(0, up.exit(), up.toString());
        String nspawn = Files.readString(STATE.resolve("machines/node-1/pid")).strip();
        new ProcessBuilder("kill", "-9", nspawn).start().waitFor();
        Thread.sleep(500);
        assertTrue(leftovers().contains("upperdir=" + STATE), "the machine runs on without nspawn: " + leftovers());

        Result down = lab("machines", "down");
        assertEquals(0, down.exit(), down.toString());
        assertEquals("", leftovers());

        up = BootReport.logged(lab("machines", "up", "1"));
        assertEquals(0, up.exit(), up.toString());
        Result env = lab("env", "--inventory", STATE.resolve("machines/inventory.yaml").toString(), "-o", "json");
        JsonNode host = JsonMapper.builder().build().readTree(env.out()).get("hosts").get(0);
        assertTrue(host.get("authenticated").asBoolean(), env.toString());
    }

    /** Mounts, links, processes (by their root: the machines' overlays) and NAT rules of lab's machines still here. */
    private static String leftovers() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "grep " + STATE + " /proc/mounts; ip -o link show 2>/dev/null | grep -E "
                + "'kubelab0|vb-node'; pgrep -a systemd-nspawn | grep " + STATE + "; iptables -t nat -S POSTROUTING 2>/dev/null"
                + " | grep 10.79.0; awk '$5 == \"/\" && index($0, \"upperdir=" + STATE + "\")' /proc/[0-9]*/mountinfo"
                + " 2>/dev/null; true").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }
}
