package io.kubelab.labs.pki;

import io.kubelab.checks.Say;
import io.kubelab.checks.certs.CertificateCheck;
import io.kubelab.checks.certs.Names;
import io.kubelab.checks.certs.Pem;
import io.kubelab.checks.certs.Subject;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A folder of certificates signed by one CA: {@code ca.crt} and {@code ca.key}, and for each
 * certificate {@code NAME.crt} and {@code NAME.key} (PEM; PKCS#8 keys; every file 0600). Making it
 * again keeps what is still right and makes again only what changed, so the learner's nodes keep
 * working certificates when one SAN is added. Keys are made in parallel: RSA 4096 is the slow part.
 */
public final class CertificateFolder {
    /** A certificate that expires within this is made again. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path dir;
    private final KeyAlgorithm algorithm;
    private final Duration caValidity;
    private final Duration validity;
    private final Clock clock;
    /** Why a certificate is made again, in the learner's language. */
    private final Say say;

    public CertificateFolder(Path dir, KeyAlgorithm algorithm, Duration caValidity, Duration validity, Clock clock,
                             Say say) {
        this.dir = dir;
        this.algorithm = algorithm;
        this.caValidity = caValidity;
        this.validity = validity;
        this.clock = clock;
        this.say = say;
    }

    /** Makes (or keeps) the CA named {@code caName} and every certificate of {@code specs}; the CA comes first. */
    public List<Issued> make(String caName, List<CertificateSpec> specs) throws IOException {
        Instant now = clock.instant();
        Optional<CertificateAuthority> old = readCa();
        // A CA that was there but cannot be used (its key lost, say) is replaced, and said to be.
        boolean hadCa = old.isPresent() || Files.exists(dir.resolve("ca.crt")) || Files.exists(dir.resolve("ca.key"));
        Optional<String> caProblem = old.isPresent() ? caProblem(old.get(), caName, now)
                : hadCa ? Optional.of(say.t("ca.crt or ca.key is missing or unreadable")) : Optional.empty();
        Optional<CertificateAuthority> kept = old.filter(ca -> caProblem.isEmpty());
        // What each certificate needs: kept as it is, or made (again, and why) with a new key.
        List<Decision> decisions = specs.parallelStream().map(spec -> kept.map(ca -> decide(spec, ca, now))
                .orElse(new Decision(spec, null, hadCa ? Optional.of(say.t("the CA is new")) : Optional.empty())))
                .toList();
        // Every new key at once, the CA's among them: RSA keys are the slow part, and they are independent.
        int needed = (int) decisions.stream().filter(d -> d.existing() == null).count() + (kept.isEmpty() ? 1 : 0);
        List<KeyPair> keys = new ArrayList<>(IntStream.range(0, needed).parallel().mapToObj(i -> algorithm.generate())
                .toList());
        List<Issued> out = new ArrayList<>();
        CertificateAuthority ca;
        if (kept.isPresent()) {
            ca = kept.get();
            out.add(new Issued("ca", Issued.Status.KEPT, Optional.empty(), ca.certificate()));
        } else {
            ca = CertificateAuthority.create(caName, keys.remove(keys.size() - 1), caValidity, now);
            write("ca", ca.key(), ca.certificate());
            out.add(new Issued("ca", hadCa ? Issued.Status.REMADE : Issued.Status.MADE, caProblem, ca.certificate()));
        }
        for (Decision d : decisions) {
            if (d.existing() != null) {
                out.add(new Issued(d.spec().name(), Issued.Status.KEPT, Optional.empty(), d.existing()));
                continue;
            }
            KeyPair pair = keys.remove(keys.size() - 1);
            X509Certificate c = ca.issue(d.spec(), pair.getPublic(), validity, now);
            // One at a time, key before certificate: a crash between leaves a pair that does not match,
            // which the next run makes again.
            write(d.spec().name(), pair.getPrivate(), c);
            out.add(new Issued(d.spec().name(), d.why().isPresent() ? Issued.Status.REMADE : Issued.Status.MADE,
                    d.why(), c));
        }
        return out;
    }

    /**
     * What one certificate needs.
     *
     * @param existing the certificate to keep; null when it is to be made
     * @param why      why it is made again (empty: made for the first time, or kept)
     */
    private record Decision(CertificateSpec spec, X509Certificate existing, Optional<String> why) {
    }

    private Decision decide(CertificateSpec spec, CertificateAuthority ca, Instant now) {
        Optional<X509Certificate> existing = read(spec.name());
        if (existing.isEmpty()) {
            return new Decision(spec, null, Optional.empty());
        }
        Optional<String> why = differs(existing.get(), readKey(spec.name()), spec, ca, now);
        return new Decision(spec, why.isEmpty() ? existing.get() : null, why);
    }

    /** What makes a certificate on disk not the one asked for, in words; empty when it is. */
    private Optional<String> differs(X509Certificate c, Optional<PrivateKey> key, CertificateSpec spec,
                                     CertificateAuthority ca, Instant now) {
        Subject subject = Subject.of(c);
        if (!ca.signed(c)) {
            return Optional.of(say.t("it is not signed by this CA"));
        }
        if (!subject.cn().equals(spec.commonName()) || !Set.copyOf(subject.o()).equals(Set.copyOf(spec.organizations()))) {
            return Optional.of(say.t("its subject was {0}", describe(subject)));
        }
        Set<String> sans = sansOf(c);
        if (!sans.equals(spec.comparableSans())) {
            List<String> change = new ArrayList<>();
            spec.comparableSans().stream().filter(n -> !sans.contains(n)).forEach(n -> change.add("+" + n));
            sans.stream().filter(n -> !spec.comparableSans().contains(n)).forEach(n -> change.add("-" + n));
            return Optional.of(say.t("SANs {0}", String.join(", ", change)));
        }
        Set<String> usages = usages(c);
        Set<String> wanted = new TreeSet<>(spec.usages().stream().map(Usage::oid).toList());
        if (!usages.equals(wanted)) {
            return Optional.of(say.t("its usages changed"));
        }
        if (!algorithm.made(c.getPublicKey())) {
            return Optional.of(say.t("its key is not {0}", algorithm.word()));
        }
        if (key.isEmpty() || !Pem.matches(key.get(), c.getPublicKey())) {
            return Optional.of(say.t("its key file is missing or does not match it"));
        }
        return expiry(c, now);
    }

    private Optional<String> caProblem(CertificateAuthority ca, String caName, Instant now) {
        X509Certificate c = ca.certificate();
        if (c.getBasicConstraints() < 0 || !ca.signed(c)) {
            return Optional.of(say.t("ca.crt is not a CA certificate"));
        }
        if (!Subject.of(c).cn().equals(caName)) {
            return Optional.of(say.t("its name was {0}", Subject.of(c).cn()));
        }
        if (!algorithm.made(c.getPublicKey())) {
            return Optional.of(say.t("its key is not {0}", algorithm.word()));
        }
        if (!Pem.matches(ca.key(), c.getPublicKey())) {
            return Optional.of(say.t("ca.key does not match ca.crt"));
        }
        return expiry(c, now);
    }

    private Optional<String> expiry(X509Certificate c, Instant now) {
        Instant end = c.getNotAfter().toInstant();
        LocalDate day = LocalDate.ofInstant(end, ZoneOffset.UTC);
        return end.isBefore(now.plus(RENEW_BEFORE)) ? Optional.of(end.isBefore(now) ? say.t("it expired {0}", day)
                : say.t("it expires {0}", day)) : Optional.empty();
    }

    /** "O=system:masters, CN=admin", in the order openssl prints a subject. */
    public static String describe(Subject s) {
        return (s.o().isEmpty() ? "" : "O=" + String.join("+", s.o()) + ", ") + "CN=" + s.cn();
    }

    /** A certificate's SANs as {@link CertificateSpec#comparableSans} writes them: "IP:10.32.0.1", "DNS:kubernetes". */
    public static Set<String> sansOf(X509Certificate c) {
        return new LinkedHashSet<>(CertificateCheck.sans(c).stream().map(Names::comparable).toList());
    }

    private static Set<String> usages(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku == null ? Set.of() : new TreeSet<>(eku);
        } catch (CertificateParsingException e) {
            return Set.of("(unreadable)");
        }
    }

    private Optional<CertificateAuthority> readCa() {
        Optional<X509Certificate> c = read("ca");
        Optional<PrivateKey> k = readKey("ca");
        return c.isPresent() && k.isPresent() ? Optional.of(new CertificateAuthority(c.get(), k.get())) : Optional.empty();
    }

    /** A certificate lab wrote before; empty when there is none or it cannot be read (it is then made again). */
    private Optional<X509Certificate> read(String name) {
        Path f = dir.resolve(name + ".crt");
        try {
            return Files.isRegularFile(f) ? Optional.of(Pem.certificate(Files.readAllBytes(f))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<PrivateKey> readKey(String name) {
        Path f = dir.resolve(name + ".key");
        try {
            return Files.isRegularFile(f) ? Optional.of(Pem.privateKey(Files.readAllBytes(f))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void write(String name, PrivateKey key, X509Certificate c) throws IOException {
        try {
            AtomicFiles.write(dir.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
            AtomicFiles.write(dir.resolve(name + ".crt"), pem("CERTIFICATE", c.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IOException("cannot encode the certificate " + name + ": " + e.getMessage(), e);
        }
    }

    /** PEM as openssl writes it: base64 in lines of 64. */
    static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
