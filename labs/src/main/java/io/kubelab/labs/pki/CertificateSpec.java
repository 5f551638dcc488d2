package io.kubelab.labs.pki;

import io.kubelab.checks.certs.Names;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one certificate must say: the file name it is kept under, its subject, its subject
 * alternative names (IP literals and DNS names, as written) and what it is for.
 */
public record CertificateSpec(String name, String commonName, List<String> organizations, List<String> sans,
                              Set<Usage> usages) {

    public CertificateSpec {
        organizations = List.copyOf(organizations);
        sans = List.copyOf(new LinkedHashSet<>(sans.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
        usages = Set.copyOf(usages);
    }

    public List<InetAddress> ipAddresses() {
        List<InetAddress> out = new ArrayList<>();
        sans.forEach(s -> Names.ipLiteral(s).ifPresent(out::add));
        return out;
    }

    public List<String> dnsNames() {
        return sans.stream().filter(s -> Names.ipLiteral(s).isEmpty()).toList();
    }

    /** The SANs as TLS compares them ("IP:10.32.0.1", "DNS:kubernetes"), for telling whether a certificate changed. */
    Set<String> comparableSans() {
        Set<String> out = new LinkedHashSet<>();
        ipAddresses().forEach(a -> out.add(Names.comparable("IP:" + a.getHostAddress())));
        dnsNames().forEach(d -> out.add(Names.comparable("DNS:" + d)));
        return out;
    }
}
