package io.kubelab.labs.machines;

import static io.kubelab.checks.host.Shell.quote;

import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import io.kubelab.labs.nodes.LocalNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Debian 12 machines made with systemd-nspawn (Linux, root). A root tree is built once with
 * mmdebstrap from Debian's mirror and kept; each machine boots its own systemd on an overlay of it
 * (its own /etc, /var, ...), with its own hostname and a static address on lab's bridge. Lab writes
 * each machine's SSH host key into it before it boots and reads it back from there for known_hosts.
 */
final class NspawnProvider implements Provider {
    static final String BRIDGE = "kubelab0";
    static final String NET = "10.79.0";
    private static final String RELEASE = "bookworm";
    private static final String PACKAGES = "systemd,systemd-sysv,dbus,openssh-server,iproute2,iptables,kmod,procps,"
            + "ca-certificates,curl,gnupg,sudo,python3";
    /*
     * A boot takes 2 s here. Longer than systemd's own start timeout (DefaultTimeoutStartSec, 90 s),
     * after which a unit that hangs at boot is given up and boot completes.
     */
    private static final Duration BOOT = Duration.ofSeconds(100);
    /** How long a clean power-off may take (stopping containerd and a kubelet) before the machine is killed. */
    private static final Duration POWER_OFF = Duration.ofSeconds(30);

    private final Path home;
    private final LocalHost local;
    private final String mirror;

    /**
     * @param home   where the root tree and the machines' files are kept (in lab's state folder)
     * @param mirror the Debian mirror the root tree is built from
     */
    NspawnProvider(Path home, LocalHost local, String mirror) {
        this.home = home;
        this.local = local;
        this.mirror = mirror;
    }

    @Override
    public String name() {
        return "nspawn";
    }

    /** What was seen on a machine: run on Debian 12 machines on a cgroup-v1 host without systemd as init. */
    @Override
    public List<String> carries() {
        return List.of(
                "nspawn machines are containers: each boots its own systemd and sshd on its own files and address,",
                "and shares this computer's kernel. They run apt and packages, systemd units, etcd, binaries, the",
                "PKI and kubeconfigs, and network sysctls (ip_forward, bridge-nf-call-iptables): the kubeadm lab's",
                "preflight and install steps, the hard way's certificates, etcd and control plane.",
                "They cannot load kernel modules (modprobe: load them on this computer), and containerd runs but",
                "cannot start a container: the machines' cgroups are read-only (runc: read-only file system), and",
                "there is no /dev/kmsg. So no kubelet runs pods: kubeadm init stops at the kubelet, and workers",
                "cannot join. For a whole cluster use --provider multipass or lima (virtual machines).");
    }

    @Override
    public Optional<String> unavailable() {
        if (!LocalNode.labIsRoot()) {
            return Optional.of("nspawn machines need root: run `sudo lab machines up ...`, or use --provider multipass or lima");
        }
        for (String tool : List.of("systemd-nspawn", "mmdebstrap", "ip", "ssh-keygen")) {
            if (!local.exec("command -v " + tool, Duration.ofSeconds(5)).ok()) {
                return Optional.of(tool + " is not installed; install it (apt-get install systemd-container mmdebstrap "
                        + "iproute2 openssh-client) and try again");
            }
        }
        return Optional.empty();
    }

    @Override
    public void up(List<Planned> planned, MachineRequest request, Path publicKey, Consumer<Machine> made,
                   Consumer<String> say) {
        Path root = rootTree(say);
        bridge();
        List<Machine> booted = new ArrayList<>();
        for (Planned p : planned) {
            String address = NET + "." + (10 + p.index() + 1);
            say.accept("booting " + p.name() + " (" + address + ")");
            Machine m = boot(p, address, root, publicKey);
            made.accept(m);
            booted.add(m);
        }
        for (Machine m : booted) {
            Optional<String> hung = notBooted(m, say);
            if (hung.isPresent() && running(m)) {
                // Rare, and not reproduced outside CI (three times in many runs): a second boot has always worked.
                say.accept(hung.get() + "; starting " + m.name() + " again");
                stop(home.resolve(m.name()));
                start(m.name(), home.resolve(m.name()));
                hung = notBooted(m, say);
            }
            hung.ifPresent(why -> {
                throw LabException.badInput(why);
            });
        }
    }

    /** The Debian root tree, built once (about 20 s and 270 MB) and kept for every later machine. */
    private Path rootTree(Consumer<String> say) {
        Path tree = home.resolve("base").resolve("debian-12");
        if (Files.isRegularFile(tree.resolve(".kubelab-ready"))) {
            return tree;
        }
        say.accept("building the Debian 12 root tree from " + mirror + " (once; about 20 s)");
        Path tmp = home.resolve("base").resolve("debian-12.building");
        run("rm -rf " + quote(tmp.toString()) + " && mkdir -p " + quote(tmp.getParent().toString()), Duration.ofMinutes(1));
        run("mmdebstrap --quiet --variant=minbase --include=" + PACKAGES + " " + RELEASE + " " + quote(tmp.toString())
                + " " + quote(mirror), Duration.ofMinutes(15));
        // Each machine gets its own host keys; networkd gives it the address lab writes; no password for root.
        run("rm -f " + quote(tmp + "/etc/ssh") + "/ssh_host_* && ln -sf /lib/systemd/system/systemd-networkd.service "
                + quote(tmp + "/etc/systemd/system/multi-user.target.wants/systemd-networkd.service")
                + " && touch " + quote(tmp + "/.kubelab-ready") + " && rm -rf " + quote(tree.toString()) + " && mv "
                + quote(tmp.toString()) + " " + quote(tree.toString()), Duration.ofMinutes(2));
        return tree;
    }

    /** Lab's bridge, with the host at .1; and NAT, so the machines reach the internet (apt) through the host. */
    private void bridge() {
        run("ip link show " + BRIDGE + " >/dev/null 2>&1 || { ip link add " + BRIDGE + " type bridge && ip addr add "
                + NET + ".1/24 dev " + BRIDGE + " && ip link set " + BRIDGE + " up; }", Duration.ofSeconds(20));
        Path forward = home.resolve("host-ip-forward");
        if (!Files.exists(forward)) {
            run("cat /proc/sys/net/ipv4/ip_forward > " + quote(forward.toString()) + " && sysctl -qw net.ipv4.ip_forward=1",
                    Duration.ofSeconds(10));
        }
        local.exec("command -v iptables >/dev/null && { iptables -t nat -C POSTROUTING " + natRule() + " 2>/dev/null"
                + " || iptables -t nat -A POSTROUTING " + natRule() + "; }", Duration.ofSeconds(20));
    }

    private static String natRule() {
        return "-s " + NET + ".0/24 ! -o " + BRIDGE + " -j MASQUERADE";
    }

    private Machine boot(Planned p, String address, Path root, Path publicKey) {
        Path dir = home.resolve(p.name());
        Path merged = dir.resolve("merged");
        remove(dir); // what a crashed earlier `up` or `down` left: a machine starts from the root tree only
        run("mkdir -p " + quote(dir + "/upper") + " " + quote(dir + "/work") + " " + quote(merged.toString())
                + " && mount -t overlay overlay -o " + quote("lowerdir=" + root + ",upperdir=" + dir + "/upper,workdir="
                + dir + "/work") + " " + quote(merged.toString()), Duration.ofSeconds(20));
        try {
            Files.writeString(merged.resolve("etc/hostname"), p.name() + "\n");
            Files.writeString(merged.resolve("etc/hosts"), "127.0.0.1 localhost\n" + address + " " + p.name() + "\n");
            Path network = Files.createDirectories(merged.resolve("etc/systemd/network"));
            // 10- sorts before the stock 80-container-host0.network, which would otherwise ask for DHCP.
            Files.writeString(network.resolve("10-host0.network"), "[Match]\nName=host0\n\n[Network]\nAddress="
                    + address + "/24\nGateway=" + NET + ".1\n");
            Files.deleteIfExists(merged.resolve("etc/resolv.conf"));
            Files.writeString(merged.resolve("etc/resolv.conf"), "nameserver " + dns() + "\n");
            Path ssh = Files.createDirectories(merged.resolve("root/.ssh"));
            Files.copy(publicKey, ssh.resolve("authorized_keys"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            run("chmod 700 " + quote(ssh.toString()) + " && chmod 600 " + quote(ssh + "/authorized_keys")
                    + " && ssh-keygen -q -t ed25519 -N '' -C " + p.name() + " -f " + quote(merged + "/etc/ssh/ssh_host_ed25519_key"),
                    Duration.ofSeconds(20));
            String hostKey = Files.readString(merged.resolve("etc/ssh/ssh_host_ed25519_key.pub")).strip();
            start(p.name(), dir);
            String[] key = hostKey.split("\\s+");
            return new Machine(p.name(), name(), address, 22, "root", p.roles(), key[0] + " " + key[1]);
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot prepare " + p.name() + " in " + merged + ": "
                    + e.getMessage(), e);
        }
    }

    /** Boots the machine on its files, in its own session: neither Ctrl-C at lab's terminal nor lab's exit stops it. */
    private void start(String name, Path dir) {
        run("setsid systemd-nspawn --boot --register=no --keep-unit --console=passive --resolv-conf=off --network-bridge="
                + BRIDGE + " --machine=" + quote(name) + " --directory=" + quote(dir.resolve("merged").toString())
                + " </dev/null >>" + quote(dir + "/console.log") + " 2>&1 & echo $! > " + quote(dir + "/pid"),
                Duration.ofSeconds(20));
    }

    /** A name server the machines can reach: the host's, unless it only listens on the host's own loopback. */
    private static String dns() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/resolv.conf"))) {
                String[] w = line.strip().split("\\s+");
                if (w.length >= 2 && w[0].equals("nameserver") && !w[1].startsWith("127.") && !w[1].contains(":")) {
                    return w[1];
                }
            }
        } catch (IOException e) {
            // none found: a public resolver
        }
        return "9.9.9.9";
    }

    /**
     * Ready means booted, not only listening: sshd answers early, while boot may yet restart
     * services and /run/nologin still turns logins away. Booted is what systemd in the machine says
     * once it has no more boot jobs: "running", or "degraded" when a unit failed — a machine whose
     * failed unit lab cannot fix is still usable (root logs in past /run/nologin), so the unit is
     * named and the boot goes on instead of waiting out the clock (seen once: "degraded", with
     * /run/nologin never removed).
     */
    private Optional<String> notBooted(Machine m, Consumer<String> say) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        boolean listened = false;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(m.address(), m.port()), 1000);
                listened = true;
                String state = systemState(m);
                if (state.equals("running")) {
                    return Optional.empty();
                }
                if (state.equals("degraded")) {
                    say.accept(m.name() + " booted, though a unit failed" + pendingJobs(m));
                    return Optional.empty();
                }
                sleep(200);
            } catch (IOException e) {
                if (!running(m)) {
                    return Optional.of(m.name() + " stopped while booting; see " + home.resolve(m.name())
                            .resolve("console.log") + lastLines(home.resolve(m.name()).resolve("console.log")));
                }
                sleep(200);
            }
        }
        Path console = home.resolve(m.name()).resolve("console.log");
        return Optional.of(m.name() + (listened ? " was still booting after "
                : " did not answer on " + m.address() + ":22 within ") + BOOT.toSeconds() + "s; see " + console
                + lastLines(console) + pendingJobs(m));
    }

    /**
     * What systemd in the machine says of its boot: its state, what it still waits for, which units
     * failed (seen: "degraded" with /run/nologin still there), so that a boot that hangs names its unit.
     */
    private String pendingJobs(Machine m) {
        return pid(m).map(pid -> local.exec("init=$(pgrep -P " + pid + " | head -1); [ -n \"$init\" ] || { echo 'no init"
                + " process'; exit; }; nsenter -t \"$init\" -a systemctl is-system-running 2>&1; nsenter -t \"$init\" -a"
                + " systemctl list-jobs --no-pager --no-legend 2>&1 | head -5; nsenter -t \"$init\" -a systemctl --failed"
                + " --no-pager --no-legend 2>&1 | head -5; echo \"/run/nologin: $(head -c 120"
                + " /proc/$init/root/run/nologin 2>&1)\"", Duration.ofSeconds(10)).output().strip())
                .filter(said -> !said.isEmpty()).map(said -> "; systemd says: "
                        + String.join(" | ", said.lines().map(String::strip).toList())).orElse("");
    }

    /** The end of a machine's console, so that a boot that hangs says where (a learner's screen, a CI log). */
    private static String lastLines(Path console) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(console, java.nio.charset.StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 6), lines.size()).stream()
                    .map(l -> io.kubelab.labs.values.ControlChars.escape(l).strip()).filter(l -> !l.isEmpty()).toList();
            return last.isEmpty() ? "" : "; it ends: " + String.join(" | ", last);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** systemd's one word for the machine's state: initializing, starting, running, degraded, … */
    private String systemState(Machine m) {
        return pid(m).map(pid -> local.exec("init=$(pgrep -P " + pid + " | head -1); [ -n \"$init\" ] && "
                + "nsenter -t \"$init\" -a systemctl is-system-running", Duration.ofSeconds(5))
                .stdout().strip()).orElse("");
    }

    @Override
    public boolean running(Machine m) {
        return pid(m).map(pid -> Files.exists(Path.of("/proc", pid))
                && cmdline(pid).contains("systemd-nspawn")).orElse(false);
    }

    @Override
    public void down(Machine m, Consumer<String> say) {
        Optional<String> pid = pid(m).filter(p -> running(m));
        if (pid.isPresent()) {
            say.accept("powering off " + m.name());
            // SIGRTMIN+4 asks the machine's systemd to power off cleanly; nspawn exits when it has.
            local.exec("kill -s RTMIN+4 $(pgrep -P " + pid.get() + " | head -1) 2>/dev/null; for i in $(seq "
                    + POWER_OFF.toSeconds() * 10 + "); do kill -0 " + pid.get() + " 2>/dev/null || exit 0; sleep 0.1;"
                    + " done", POWER_OFF.plusSeconds(10));
        }
        remove(home.resolve(m.name()));
    }

    /** Stops whatever still runs on a machine's files and removes them. */
    private void remove(Path dir) {
        stop(dir);
        String merged = quote(dir.resolve("merged").toString());
        run("if mountpoint -q " + merged + "; then umount " + merged + " || umount -l " + merged + "; fi; rm -rf "
                + quote(dir.toString()), Duration.ofMinutes(1));
    }

    /**
     * Kills a machine: its nspawn, and every process whose root is its overlay. Not by nspawn's pid
     * alone: a machine outlives a killed nspawn (its systemd is reparented and keeps the address) and
     * would answer for the next machine booted with its name. Then the host's end of its link goes
     * (the kernel would remove it a moment later, too late for a machine booted again at once).
     */
    private void stop(Path dir) {
        String processes = "awk -v up=" + quote("upperdir=" + dir.resolve("upper") + ",") + " '$5 == \"/\" && index($0, up)"
                + " { split(FILENAME, a, \"/\"); print a[3]; nextfile }' /proc/[0-9]*/mountinfo 2>/dev/null; n=$(cat "
                + quote(dir + "/pid") + " 2>/dev/null) && grep -qs systemd-nspawn /proc/$n/cmdline && echo $n";
        run("for i in $(seq 50); do left=$(" + processes + "); [ -z \"$left\" ] && break; kill -9 $left 2>/dev/null;"
                + " sleep 0.1; done; [ -z \"$left\" ] || { echo \"processes $left do not stop\"; exit 1; }; ip link del "
                + quote(hostLink(dir.getFileName().toString())) + " 2>/dev/null; true", Duration.ofMinutes(1));
    }

    /** nspawn's name for the host's end of a machine's link (--network-bridge): vb- and the machine's name. */
    private static String hostLink(String machine) {
        return ("vb-" + machine).substring(0, Math.min(15, 3 + machine.length()));
    }

    /** Once no machine is left: the bridge, the NAT rule, and the host's IP forwarding as it was. */
    @Override
    public void cleanUp(Consumer<String> say) {
        local.exec("ip link del " + BRIDGE + " 2>/dev/null; command -v iptables >/dev/null && iptables -t nat -D"
                + " POSTROUTING " + natRule() + " 2>/dev/null; true", Duration.ofSeconds(20));
        Path forward = home.resolve("host-ip-forward");
        if (Files.exists(forward)) {
            local.exec("sysctl -qw net.ipv4.ip_forward=$(cat " + quote(forward.toString()) + ") && rm -f "
                    + quote(forward.toString()), Duration.ofSeconds(10));
        }
    }

    private Optional<String> pid(Machine m) {
        try {
            return Optional.of(Files.readString(home.resolve(m.name()).resolve("pid")).strip()).filter(s -> s.matches("\\d+"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String cmdline(String pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void run(String command, Duration timeout) {
        ExecResult r = local.exec(command, timeout);
        if (!r.ok()) {
            throw LabException.badInput("could not make the machines: `" + command.split(" ")[0] + " ...` failed: "
                    + (r.output().isBlank() ? "exit status " + r.exitCode() : r.tail(3)));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LabException.badInput("interrupted while the machines were booting");
        }
    }
}
