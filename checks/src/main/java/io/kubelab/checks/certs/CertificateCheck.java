package io.kubelab.checks.certs;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.host.HostUnreachableException;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A certificate (on this machine or a node) is what the cluster needs: it parses, chains to the
 * given CA, has the subject CN and O, the SANs, the key usages, is valid (a warning under
 * {@code warn_days}), and its private key matches. Every assertion that does not hold is reported.
 */
public record CertificateCheck(String cert, String ca, String cn, List<String> o, List<String> dns, List<String> ips,
                               List<String> keyUsage, List<String> extKeyUsage, String key, int warnDays, Clock clock)
        implements Check {

    private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    public static CertificateCheck from(Params p) {
        return new CertificateCheck(p.string("cert"), p.string("ca", ""), p.string("cn", ""), p.list("o"),
                p.list("dns"), p.list("ips"), p.list("key_usage"), p.list("ext_key_usage"), p.string("key", ""),
                (int) p.integer("warn_days", 30), Clock.systemUTC());
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String expected = expected();
        String evidence = "read " + cert + (ca.isEmpty() ? "" : ", " + ca) + (key.isEmpty() ? "" : ", " + key)
                + " on " + ctx.host().name();
        X509Certificate c;
        List<X509Certificate> intermediates;
        List<X509Certificate> cas = List.of();
        PrivateKey k = null;
        try {
            // As openssl verify -CAfile CA -untrusted CERT CERT: the first certificate of the file is
            // the one checked, the others (its intermediates) may complete the chain; every
            // certificate of the CA file is trusted; a key may be in the same file as the certificate.
            List<X509Certificate> inFile = Pem.certificates(ctx.host().read(cert));
            c = inFile.get(0);
            intermediates = inFile.subList(1, inFile.size());
            if (!ca.isEmpty()) {
                cas = Pem.certificates(ctx.host().read(ca));
            }
            if (!key.isEmpty()) {
                k = Pem.privateKey(ctx.host().read(key));
            }
        } catch (HostUnreachableException e) {
            return CheckResult.error(expected, e.getMessage(), evidence, "check that `lab env` reaches the host");
        } catch (IOException e) {
            return ReadProblem.of(ctx.say(), expected, evidence, e, "the step that makes it has not run, or wrote it elsewhere",
                    "regenerate it");
        }
        Subject subject = Subject.of(c);
        List<String> wrong = new ArrayList<>();
        if (!cn.isEmpty() && !cn.equals(subject.cn())) {
            wrong.add("CN is " + subject.cn());
        }
        if (!o.isEmpty() && !Set.copyOf(o).equals(Set.copyOf(subject.o()))) {
            wrong.add("O is " + (subject.o().isEmpty() ? "(none)" : String.join(", ", subject.o())));
        }
        List<String> sans = sans(c);
        for (String d : dns) {
            if (sans.stream().noneMatch(san -> Names.sameDns(san, d))) {
                wrong.add("no SAN DNS:" + d);
            }
        }
        for (String ip : ips) {
            if (sans.stream().noneMatch(san -> Names.sameIp(san, ip))) {
                wrong.add("no SAN IP:" + ip);
            }
        }
        List<String> usages = keyUsages(c);
        keyUsage.stream().filter(u -> !usages.contains(u)).forEach(u -> wrong.add("no key usage " + u));
        List<String> ext = extKeyUsages(c);
        extKeyUsage.stream().filter(u -> !ext.contains(u)).forEach(u -> wrong.add("no extended key usage " + u));
        if (!cas.isEmpty()) {
            Chains.problem(c, intermediates, cas, clock.instant()).ifPresent(wrong::add);
        }
        if (k != null && !Pem.matches(k, c.getPublicKey())) {
            wrong.add("the key " + key + " does not belong to this certificate");
        }
        Instant now = clock.instant();
        Instant end = c.getNotAfter().toInstant();
        long daysLeft = Duration.between(now, end).toDays();
        boolean expired = now.isAfter(end) || now.isBefore(c.getNotBefore().toInstant());
        if (expired) {
            wrong.add(now.isAfter(end) ? "expired on " + end : "not valid before " + c.getNotBefore().toInstant());
        }
        String observed = subject + "; issuer " + Subject.issuerOf(c) + (sans.isEmpty() ? "" : "; SANs "
                + String.join(", ", sans)) + "; valid until " + end + " (" + daysLeft + " days)"
                + (wrong.isEmpty() ? "" : " — " + String.join("; ", wrong));
        if (!wrong.isEmpty()) {
            return CheckResult.fail(expected, observed, evidence, hint(wrong));
        }
        if (daysLeft < warnDays) {
            return new CheckResult(Status.WARN, expected, observed, evidence,
                    "it expires in " + daysLeft + " days: renew it (kubeadm certs renew all)");
        }
        return CheckResult.pass(expected, observed, evidence);
    }

    private String expected() {
        List<String> parts = new ArrayList<>(List.of(cert + " a valid certificate"));
        if (!ca.isEmpty()) {
            parts.add("signed by " + ca);
        }
        if (!cn.isEmpty()) {
            parts.add("CN=" + cn);
        }
        if (!o.isEmpty()) {
            parts.add("O=" + String.join(", O=", o));
        }
        dns.forEach(d -> parts.add("SAN DNS:" + d));
        ips.forEach(i -> parts.add("SAN IP:" + i));
        if (!keyUsage.isEmpty()) {
            parts.add("key usage " + String.join(", ", keyUsage));
        }
        if (!extKeyUsage.isEmpty()) {
            parts.add("extended key usage " + String.join(", ", extKeyUsage));
        }
        if (!key.isEmpty()) {
            parts.add("its key " + key);
        }
        parts.add("more than " + warnDays + " days left");
        return String.join(", ", parts);
    }

    private static String hint(List<String> wrong) {
        if (wrong.stream().anyMatch(w -> w.startsWith("CN") || w.startsWith("O "))) {
            return "the CN is the user and each O a group Kubernetes sees: re-issue the certificate with the right subject";
        }
        if (wrong.stream().anyMatch(w -> w.startsWith("no SAN"))) {
            return "clients check the name they connect to against the SANs: re-issue with every name and IP";
        }
        if (wrong.stream().anyMatch(w -> w.startsWith("expired"))) {
            return "renew it (kubeadm certs renew all, or issue a new one from the CA)";
        }
        return "re-issue it from the right CA (openssl x509 -noout -text -in FILE shows what it has)";
    }

    static List<String> sans(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = c.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    int type = (Integer) n.get(0);
                    if (type == 2) {
                        out.add("DNS:" + n.get(1));
                    } else if (type == 7) {
                        out.add("IP:" + n.get(1));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            out.add("(unreadable SANs)");
        }
        return out;
    }

    static List<String> keyUsages(X509Certificate c) {
        boolean[] bits = c.getKeyUsage();
        List<String> out = new ArrayList<>();
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGES.length; i++) {
                if (bits[i]) {
                    out.add(KEY_USAGES[i]);
                }
            }
        }
        return out;
    }

    static List<String> extKeyUsages(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            List<String> oids = c.getExtendedKeyUsage();
            if (oids != null) {
                for (String oid : oids) {
                    out.add(switch (oid) {
                        case "1.3.6.1.5.5.7.3.1" -> "serverAuth";
                        case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
                        default -> oid;
                    });
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            out.add("(unreadable)");
        }
        return out;
    }
}
