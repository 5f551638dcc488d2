package io.kubelab.checks.certs;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The parts of a certificate's subject Kubernetes reads: CN is the user, each O a group. */
public record Subject(String cn, List<String> o) {

    public static Subject of(X509Certificate cert) {
        return parse(cert.getSubjectX500Principal().getName());
    }

    public static Subject issuerOf(X509Certificate cert) {
        return parse(cert.getIssuerX500Principal().getName());
    }

    private static Subject parse(String dn) {
        String cn = "";
        List<String> o = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue());
                } else if (rdn.getType().equalsIgnoreCase("O")) {
                    o.add(0, String.valueOf(rdn.getValue())); // LdapName lists RDNs last-first
                }
            }
        } catch (InvalidNameException e) {
            cn = dn;
        }
        return new Subject(cn, List.copyOf(o));
    }

    @Override
    public String toString() {
        return "CN=" + cn + (o.isEmpty() ? "" : ", O=" + String.join(", O=", o));
    }
}
