package io.kubelab.labs.machines;

import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.LabException;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The practice machines of this computer: made, listed, reached and removed, with what a lab needs
 * to use them at once: an Ansible inventory (kube_control_plane, kube_node, etcd), a key lab made
 * (0600), and each machine's host key in lab's known_hosts, as read from the machine.
 */
public final class Machines {
    private final Path home;
    private final Path knownHosts;
    private final Map<String, Provider> providers = new LinkedHashMap<>();
    private final MachineStore store;

    /**
     * @param stateDir lab's state folder: machines live in its machines/ folder, and their host keys
     *                 go to its known_hosts, which lab reads beside ~/.ssh/known_hosts
     * @param env      the environment: the PATH multipass and limactl are found on, KUBELAB_DEBIAN_MIRROR
     * @param extra    more providers (tests)
     */
    public Machines(Path stateDir, LocalHost local, Map<String, String> env, List<Provider> extra) {
        this.home = stateDir.resolve("machines");
        this.knownHosts = stateDir.resolve("known_hosts");
        this.store = new MachineStore(home.resolve("machines.json"));
        String mirror = env.getOrDefault("KUBELAB_DEBIAN_MIRROR", "http://deb.debian.org/debian");
        add(new NspawnProvider(home, local, mirror));
        add(new MultipassProvider(new Cli("multipass", env), home));
        add(new LimaProvider(new Cli("limactl", env)));
        extra.forEach(this::add);
    }

    private void add(Provider p) {
        providers.put(p.name(), p);
    }

    public List<String> providers() {
        return List.copyOf(providers.keySet());
    }

    public Provider provider(String name) {
        Provider p = providers.get(name);
        if (p == null) {
            throw LabException.badInput("no provider '" + name + "'; use one of: " + String.join(", ", providers.keySet()));
        }
        return p;
    }

    /** The inventory of every machine, for `lab env --inventory` and `lab start LAB --inventory`. */
    public Path inventory() {
        return home.resolve("inventory.yaml");
    }

    /** The private key lab logs in to its machines with. */
    public Path key() {
        return home.resolve("id_ed25519");
    }

    public List<Machine> list() {
        return store.load();
    }

    public boolean running(Machine m) {
        return provider(m.provider()).running(m);
    }

    /** Makes the machines asked for (there must be none yet), then writes the inventory and known_hosts. */
    public List<Machine> up(String providerName, MachineRequest request, Consumer<String> say) {
        Provider provider = provider(providerName);
        provider.unavailable().ifPresent(why -> {
            throw LabException.badInput(why);
        });
        List<Machine> existing = store.load();
        if (!existing.isEmpty()) {
            throw LabException.badInput("there are machines already (" + String.join(", ", existing.stream()
                    .map(Machine::name).toList()) + "); `lab machines down` removes them first");
        }
        Path publicKey = ensureKey();
        List<Provider.Planned> planned = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            planned.add(new Provider.Planned("node-" + (i + 1), i, Roles.of(i, request.controlPlanes(), request.count())));
        }
        List<Machine> made = new ArrayList<>();
        try {
            provider.up(planned, request, publicKey, made::add, say);
        } finally {
            // What was made is recorded even when a later machine failed, so `down` can remove it.
            store.save(made);
        }
        trust(made);
        writeInventory(made);
        return made;
    }

    /** Removes the machines named (all of them when none is named), leaving nothing behind. */
    public List<Machine> down(List<String> names, Consumer<String> say) {
        List<Machine> all = store.load();
        for (String n : names) {
            if (all.stream().noneMatch(m -> m.name().equals(n))) {
                throw LabException.badInput("no machine '" + n + "'; `lab machines list` shows them");
            }
        }
        List<Machine> gone = all.stream().filter(m -> names.isEmpty() || names.contains(m.name())).toList();
        List<Machine> left = new ArrayList<>(all);
        for (Machine m : gone) {
            provider(m.provider()).down(m, say);
            left.remove(m);
            store.save(left);
        }
        forget(gone);
        gone.stream().map(Machine::provider).distinct().filter(p -> left.stream().noneMatch(m -> m.provider().equals(p)))
                .forEach(p -> provider(p).cleanUp(say));
        writeInventory(left);
        return gone;
    }

    /** The ssh command line that logs in to a machine as lab does (its key, its verified host key). */
    public List<String> ssh(String name) {
        Machine m = list().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                LabException.badInput("no machine '" + name + "'; `lab machines list` shows them"));
        return List.of("ssh", "-i", key().toString(), "-p", String.valueOf(m.port()), "-o",
                "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes", m.user() + "@" + m.address());
    }

    private Path ensureKey() {
        try {
            AtomicFiles.ensurePrivateDirectory(home);
            if (!Files.isRegularFile(key())) {
                Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kubelab-machines",
                        "-f", key().toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw LabException.badInput("ssh-keygen could not make lab's key: " + out.strip());
                }
            }
            Files.setPosixFilePermissions(key(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            return key().resolveSibling("id_ed25519.pub");
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot make lab's key in " + home + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LabException.badInput("interrupted while making lab's key");
        }
    }

    /** Writes each machine's host key to lab's known_hosts, replacing what an earlier machine at that address left. */
    private void trust(List<Machine> machines) {
        editKnownHosts(machines, true);
    }

    private void forget(List<Machine> machines) {
        editKnownHosts(machines, false);
    }

    private void editKnownHosts(List<Machine> machines, boolean add) {
        try {
            List<String> lines = Files.isRegularFile(knownHosts) ? new ArrayList<>(Files.readAllLines(knownHosts))
                    : new ArrayList<>();
            for (Machine m : machines) {
                String entry = m.port() == 22 ? m.address() : "[" + m.address() + "]:" + m.port();
                lines.removeIf(l -> l.startsWith(entry + " "));
                if (add) {
                    lines.add(entry + " " + m.hostKey());
                }
            }
            AtomicFiles.write(knownHosts, (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot write " + knownHosts + ": " + e.getMessage(), e);
        }
    }

    private void writeInventory(List<Machine> machines) {
        try {
            if (machines.isEmpty()) {
                Files.deleteIfExists(inventory());
                return;
            }
            AtomicFiles.write(inventory(), InventoryText.of(machines, key()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot write " + inventory() + ": " + e.getMessage(), e);
        }
    }
}
