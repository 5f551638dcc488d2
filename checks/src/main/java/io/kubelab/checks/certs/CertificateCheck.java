package io.kubelab.checks.certs;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
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

    /** One thing that does not hold, and which kind of fix it needs. */
    private record Wrong(Fix fix, String words) {
    }

    private enum Fix { SUBJECT, SANS, EXPIRY, OTHER }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = expected(say);
        String read = cert + (ca.isEmpty() ? "" : ", " + ca) + (key.isEmpty() ? "" : ", " + key);
        String evidence = say.t("read {0} on {1}", read, ctx.host().name());
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
            return CheckResult.error(expected, e.getMessage(), evidence, say.t("check that `lab env` reaches the host"));
        } catch (IOException e) {
            return ReadProblem.of(say, expected, evidence, e, say.t("the step that makes it has not run, or wrote it "
                    + "elsewhere"), say.t("regenerate it"));
        }
        Subject subject = Subject.of(c);
        List<Wrong> wrong = new ArrayList<>();
        if (!cn.isEmpty() && !cn.equals(subject.cn())) {
            wrong.add(new Wrong(Fix.SUBJECT, say.t("CN is {0}", subject.cn())));
        }
        if (!o.isEmpty() && !Set.copyOf(o).equals(Set.copyOf(subject.o()))) {
            wrong.add(new Wrong(Fix.SUBJECT, say.t("O is {0}", subject.o().isEmpty() ? say.t("(none)")
                    : String.join(", ", subject.o()))));
        }
        List<String> sans = sans(c);
        for (String d : dns) {
            if (sans.stream().noneMatch(san -> Names.sameDns(san, d))) {
                wrong.add(new Wrong(Fix.SANS, say.t("no SAN {0}", "DNS:" + d)));
            }
        }
        for (String ip : ips) {
            if (sans.stream().noneMatch(san -> Names.sameIp(san, ip))) {
                wrong.add(new Wrong(Fix.SANS, say.t("no SAN {0}", "IP:" + ip)));
            }
        }
        List<String> usages = keyUsages(c);
        keyUsage.stream().filter(u -> !usages.contains(u))
                .forEach(u -> wrong.add(new Wrong(Fix.OTHER, say.t("no key usage {0}", u))));
        List<String> ext = extKeyUsages(c);
        extKeyUsage.stream().filter(u -> !ext.contains(u))
                .forEach(u -> wrong.add(new Wrong(Fix.OTHER, say.t("no extended key usage {0}", u))));
        if (!cas.isEmpty()) {
            Chains.problem(c, intermediates, cas, clock.instant(), say).ifPresent(p -> wrong.add(new Wrong(Fix.OTHER, p)));
        }
        if (k != null && !Pem.matches(k, c.getPublicKey())) {
            wrong.add(new Wrong(Fix.OTHER, say.t("the key {0} does not belong to this certificate", key)));
        }
        Instant now = clock.instant();
        Instant end = c.getNotAfter().toInstant();
        long daysLeft = Duration.between(now, end).toDays();
        if (now.isAfter(end)) {
            wrong.add(new Wrong(Fix.EXPIRY, say.t("expired on {0}", end)));
        } else if (now.isBefore(c.getNotBefore().toInstant())) {
            wrong.add(new Wrong(Fix.OTHER, say.t("not valid before {0}", c.getNotBefore().toInstant())));
        }
        String observed = subject + "; " + say.t("issuer {0}", Subject.issuerOf(c))
                + (sans.isEmpty() ? "" : "; " + say.t("SANs {0}", String.join(", ", sans))) + "; "
                + say.t("valid until {0} ({1} days)", end, daysLeft)
                + (wrong.isEmpty() ? "" : " — " + String.join("; ", wrong.stream().map(Wrong::words).toList()));
        if (!wrong.isEmpty()) {
            return CheckResult.fail(expected, observed, evidence, hint(wrong, say));
        }
        if (daysLeft < warnDays) {
            return new CheckResult(Status.WARN, expected, observed, evidence,
                    say.t("it expires in {0} days: renew it (kubeadm certs renew all)", daysLeft));
        }
        return CheckResult.pass(expected, observed, evidence);
    }

    private String expected(Say say) {
        List<String> parts = new ArrayList<>(List.of(say.t("{0} a valid certificate", cert)));
        if (!ca.isEmpty()) {
            parts.add(say.t("signed by {0}", ca));
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
            parts.add(say.t("key usage {0}", String.join(", ", keyUsage)));
        }
        if (!extKeyUsage.isEmpty()) {
            parts.add(say.t("extended key usage {0}", String.join(", ", extKeyUsage)));
        }
        if (!key.isEmpty()) {
            parts.add(say.t("its key {0}", key));
        }
        parts.add(say.t("more than {0} days left", warnDays));
        return String.join(", ", parts);
    }

    /** The fix for the first kind of problem found, subject before SANs before expiry. */
    private static String hint(List<Wrong> wrong, Say say) {
        java.util.Set<Fix> fixes = java.util.EnumSet.noneOf(Fix.class);
        wrong.forEach(w -> fixes.add(w.fix()));
        if (fixes.contains(Fix.SUBJECT)) {
            return say.t("the CN is the user and each O a group Kubernetes sees: re-issue the certificate with the right "
                    + "subject");
        }
        if (fixes.contains(Fix.SANS)) {
            return say.t("clients check the name they connect to against the SANs: re-issue with every name and IP");
        }
        if (fixes.contains(Fix.EXPIRY)) {
            return say.t("renew it (kubeadm certs renew all, or issue a new one from the CA)");
        }
        return say.t("re-issue it from the right CA (openssl x509 -noout -text -in FILE shows what it has)");
    }

    /** A certificate's DNS and IP SANs as openssl names them ("DNS:kubernetes", "IP:10.32.0.1"). */
    public static List<String> sans(X509Certificate c) {
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
