package io.kubelab.checks.certs;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import io.kubelab.checks.Say;

/**
 * Whether a certificate chains to one of the trusted CAs, judged as {@code openssl verify} judges
 * it: through the intermediates given with it, to any CA of a bundle, with every certificate of the
 * chain valid at the time — the CA too, which Java's PKIX validation does not look at (it trusts an
 * anchor as it is), and a CA must be marked as one (basicConstraints CA:TRUE).
 */
final class Chains {
    private Chains() {
    }

    /** What is wrong with the chain, in the learner's words, or empty when it holds. */
    static Optional<String> problem(X509Certificate leaf, List<X509Certificate> intermediates,
                                    List<X509Certificate> cas, Instant at, Say say) {
        X509Certificate anchor;
        try {
            Set<TrustAnchor> anchors = new LinkedHashSet<>();
            cas.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(intermediates);
            pool.add(leaf);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            PKIXCertPathBuilderResult built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            anchor = built.getTrustAnchor().getTrustedCert();
        } catch (CertPathBuilderException e) {
            return Optional.of(unbuilt(leaf, intermediates, cas, at, say));
        } catch (GeneralSecurityException e) {
            return Optional.of(say.t("cannot verify the chain: {0}", e.getMessage()));
        }
        if (at.isAfter(anchor.getNotAfter().toInstant())) {
            return Optional.of(say.t("its CA {0} expired on {1}", Subject.of(anchor), anchor.getNotAfter().toInstant()));
        }
        if (at.isBefore(anchor.getNotBefore().toInstant())) {
            return Optional.of(say.t("its CA {0} is not valid before {1}", Subject.of(anchor),
                    anchor.getNotBefore().toInstant()));
        }
        if (anchor.getBasicConstraints() < 0 && !anchor.equals(leaf)) {
            return Optional.of(say.t("its CA {0} is not marked as a CA (basicConstraints CA:TRUE), so openssl and Go "
                    + "refuse it", Subject.of(anchor)));
        }
        return Optional.empty();
    }

    /** Why no chain could be built: the issuer is not among the CAs, or a certificate on the way is not valid. */
    private static String unbuilt(X509Certificate leaf, List<X509Certificate> intermediates, List<X509Certificate> cas,
                                  Instant at, Say say) {
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        path.addAll(intermediates);
        for (X509Certificate c : path) {
            if (c != leaf && (at.isAfter(c.getNotAfter().toInstant()) || at.isBefore(c.getNotBefore().toInstant()))) {
                return say.t("its intermediate {0} is not valid now (until {1})", Subject.of(c), c.getNotAfter().toInstant());
            }
        }
        X509Certificate top = path.get(path.size() - 1);
        boolean issuerKnown = cas.stream().anyMatch(ca -> ca.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
        String casNamed = cas.stream().map(ca -> Subject.of(ca).toString()).collect(Collectors.joining("; "));
        if (!issuerKnown) {
            return say.t("not signed by that CA: issued by {0}, the CA file holds {1}", Subject.issuerOf(top), casNamed);
        }
        return say.t("does not chain to the CA (a signature does not verify, or a certificate on the way may not sign)");
    }
}
