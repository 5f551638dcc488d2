package io.kubelab.labs.machines;

import io.kubelab.labs.LabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Virtual machines made with Canonical's multipass (Linux, macOS, Windows): each with its own
 * kernel, so every lab runs fully. Multipass has Ubuntu images only (24.04 LTS here). Lab's key
 * goes in with cloud-init; the host key is read through `multipass exec`, which is not SSH.
 */
final class MultipassProvider implements Provider {
    static final String IMAGE = "24.04";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Cli cli;
    private final Path home;

    MultipassProvider(Cli cli, Path home) {
        this.cli = cli;
        this.home = home;
    }

    @Override
    public String name() {
        return "multipass";
    }

    @Override
    public List<String> carries() {
        return List.of("multipass machines are virtual machines (Ubuntu " + IMAGE + " LTS: multipass has no Debian images)",
                "with their own kernel: every lab runs fully, a kubelet and pods included. kubeadm's preflight asks for",
                "2 CPUs and 1700 MB on a control plane: --cpus 2 --memory 2048 (the defaults) are enough.");
    }

    @Override
    public Optional<String> unavailable() {
        return cli.path().isPresent() ? Optional.empty() : Optional.of("multipass is not installed; install it "
                + "(https://canonical.com/multipass/install), or on Linux as root use --provider nspawn");
    }

    @Override
    public void up(List<Planned> planned, MachineRequest request, Path publicKey, Consumer<Machine> made,
                   Consumer<String> say) {
        Path cloudInit = cloudInit(publicKey);
        for (Planned p : planned) {
            say.accept("launching " + p.name() + " with multipass (Ubuntu " + IMAGE + ")");
            cli.run(Duration.ofMinutes(15), "launch", "--name", p.name(), "--cpus", String.valueOf(request.cpus()),
                    "--memory", request.memoryMb() + "M", "--disk", "10G", "--cloud-init", cloudInit.toString(), IMAGE);
            String address = info(p.name()).path("ipv4").path(0).asString("");
            if (address.isEmpty()) {
                throw LabException.badInput("multipass launched " + p.name() + " but reports no IPv4 address for it; "
                        + "see `multipass info " + p.name() + "`");
            }
            String hostKey = cli.run(Duration.ofMinutes(1), "exec", p.name(), "--", "cat",
                    "/etc/ssh/ssh_host_ed25519_key.pub").strip();
            String[] key = hostKey.split("\\s+");
            made.accept(new Machine(p.name(), name(), address, 22, "ubuntu", p.roles(), key[0] + " " + key[1]));
        }
    }

    /** Lets lab's key in for multipass's default user (ubuntu, with passwordless sudo). */
    private Path cloudInit(Path publicKey) {
        try {
            Path file = home.resolve("multipass-cloud-init.yaml");
            Files.writeString(file, "#cloud-config\nssh_authorized_keys:\n  - " + Files.readString(publicKey).strip() + "\n");
            return file;
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot write the cloud-init file: " + e.getMessage(), e);
        }
    }

    /** {@code multipass info NAME --format json}: {"errors": [], "info": {NAME: {"state", "ipv4": [...]}}}. */
    private JsonNode info(String name) {
        return JSON.readTree(cli.run(Duration.ofMinutes(1), "info", name, "--format", "json")).path("info").path(name);
    }

    @Override
    public boolean running(Machine machine) {
        try {
            return info(machine.name()).path("state").asString("").equals("Running");
        } catch (LabException e) {
            return false; // multipass no longer knows it
        }
    }

    @Override
    public void down(Machine machine, Consumer<String> say) {
        say.accept("deleting " + machine.name() + " (multipass delete --purge)");
        cli.run(Duration.ofMinutes(5), "delete", "--purge", machine.name());
    }
}
