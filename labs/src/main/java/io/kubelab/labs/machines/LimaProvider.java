package io.kubelab.labs.machines;

import io.kubelab.labs.LabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Virtual machines made with lima (macOS, Linux): Debian 12, each with its own kernel, on lima's
 * user-v2 network so they reach each other. Lab reaches each at 127.0.0.1 on the SSH port lima
 * forwards; lab's key goes in with a provisioning script; the host key is read with `limactl shell`.
 */
final class LimaProvider implements Provider {
    static final String TEMPLATE = "template://debian-12";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Cli cli;

    LimaProvider(Cli cli) {
        this.cli = cli;
    }

    @Override
    public String name() {
        return "lima";
    }

    @Override
    public List<String> carries() {
        return List.of("lima machines are virtual machines (Debian 12) with their own kernel: packages, systemd, a kubelet",
                "and pods run. Lab reaches each at 127.0.0.1 on its own SSH port; the machines reach each other on",
                "lima's user-v2 network (its address is the inventory's `ip`). Steps that give one node's",
                "{{host.address}} to the others (the kubeadm join, an etcd cluster) get 127.0.0.1 from lima machines:",
                "run those labs on multipass or nspawn machines, or set the address by hand.");
    }

    @Override
    public Optional<String> unavailable() {
        return cli.path().isPresent() ? Optional.empty() : Optional.of("limactl is not installed; install lima "
                + "(https://lima-vm.io/docs/installation/), or use --provider multipass");
    }

    @Override
    public void up(List<Planned> planned, MachineRequest request, Path publicKey, Consumer<Machine> made,
                   Consumer<String> say) {
        String key;
        try {
            key = Files.readString(publicKey).strip();
        } catch (java.io.IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot read " + publicKey + ": " + e.getMessage(), e);
        }
        // Lab's key is let in for lima's user by a provisioning script, as lima's own templates do it.
        String provision = ".provision += [{\"mode\": \"user\", \"script\": \"#!/bin/sh\\nmkdir -p ~/.ssh && echo '"
                + key + "' >> ~/.ssh/authorized_keys\"}]";
        for (Planned p : planned) {
            say.accept("starting " + p.name() + " with lima (Debian 12)");
            cli.run(Duration.ofMinutes(15), "start", "--name=" + p.name(), "--tty=false", "--cpus=" + request.cpus(),
                    "--memory=" + Math.max(1, request.memoryMb() / 1024), "--network=lima:user-v2", "--set=" + provision,
                    TEMPLATE);
            int port = instance(p.name()).map(i -> i.path("sshLocalPort").asInt(0)).orElse(0);
            if (port == 0) {
                throw LabException.badInput("lima started " + p.name() + " but lists no SSH port for it; see `limactl list`");
            }
            String user = cli.run(Duration.ofMinutes(1), "shell", p.name(), "--", "id", "-un").strip();
            String[] hostKey = cli.run(Duration.ofMinutes(1), "shell", p.name(), "--", "cat",
                    "/etc/ssh/ssh_host_ed25519_key.pub").strip().split("\\s+");
            made.accept(new Machine(p.name(), name(), "127.0.0.1", port, user, p.roles(), hostKey[0] + " " + hostKey[1]));
        }
    }

    /** The instance as `limactl list --json` shows it: one JSON object a line. */
    private Optional<JsonNode> instance(String name) {
        for (String line : cli.run(Duration.ofMinutes(1), "list", "--json").split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                if (n.path("name").asString("").equals(name)) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean running(Machine machine) {
        try {
            return instance(machine.name()).map(i -> i.path("status").asString("").equals("Running")).orElse(false);
        } catch (LabException e) {
            return false;
        }
    }

    @Override
    public void down(Machine machine, Consumer<String> say) {
        say.accept("deleting " + machine.name() + " (limactl delete --force)");
        cli.run(Duration.ofMinutes(5), "delete", "--force", machine.name());
    }
}
