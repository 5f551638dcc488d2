package io.kubelab.labs.nodes.inventory;

import io.kubelab.labs.yaml.Location;
import java.nio.file.Path;
import java.util.Map;

/**
 * One node of the learner's inventory, with everything needed to reach it resolved (inventory
 * variables first, then ~/.ssh/config, then defaults).
 *
 * @param name      the inventory name ("node1"), used in output and in `on:`
 * @param address   where to connect (ansible_host, else HostName from ~/.ssh/config, else the name)
 * @param keyFile   the private key to log in with; null means the usual ~/.ssh/id_* files
 * @param become    run lab's commands as root with sudo (ansible_become)
 * @param password  login password; only when the inventory asks for password login; never shown
 * @param proxyJump a bastion to go through ("user@host:port" or an inventory host), or null
 * @param vars      every variable of the host, Ansible's and others (e.g. kubespray's ip)
 * @param knownHosts known_hosts files the inventory names for it (-o UserKnownHostsFile=...), read
 *                   before the learner's own
 * @param connectTimeout ansible_timeout, or null for lab's default
 */
public record InventoryHost(String name, String address, int port, String user, Path keyFile, boolean become,
                            String password, String proxyJump, Map<String, String> vars, Location location,
                            java.util.List<Path> knownHosts, java.time.Duration connectTimeout) {

    public InventoryHost {
        vars = Map.copyOf(vars);
        knownHosts = java.util.List.copyOf(knownHosts);
    }

    public InventoryHost(String name, String address, int port, String user, Path keyFile, boolean become,
                         String password, String proxyJump, Map<String, String> vars, Location location) {
        this(name, address, port, user, keyFile, become, password, proxyJump, vars, location, java.util.List.of(), null);
    }

    /** user@address:port ({@code user@[::1]:2222} for an IPv6 address), for evidence lines and messages. */
    public String target() {
        return user + "@" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    @Override
    public String toString() {
        return name + " (" + target() + ")"; // never the password
    }
}
