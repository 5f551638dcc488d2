package io.kubelab.checks.certs;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.cluster.Kubeconfig;
import io.kubelab.checks.host.HostUnreachableException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A kubeconfig's current context points at the given server, trusts the given cluster CA, and
 * logs in with a client certificate of the given CN and O (the user and groups the API sees).
 */
public record KubeconfigCheck(String path, String server, String ca, String cn, List<String> o, List<String> oAnyOf)
        implements Check {

    public static KubeconfigCheck from(Params p) {
        return new KubeconfigCheck(p.string("path"), p.string("server", ""), p.string("ca", ""), p.string("cn", ""),
                p.list("o"), p.list("o_any_of"));
    }

    /**
     * A certificate as kubectl takes it from a kubeconfig: base64 data (line breaks allowed, as Go's
     * decoder skips them), or a file, relative to the kubeconfig's folder when it is not absolute
     * (kubectl config set-credentials without --embed-certs). Null when neither is given.
     */
    private byte[] material(CheckContext ctx, String data, String file) throws IOException, HostUnreachableException {
        if (data != null && !data.isBlank()) {
            return Base64.getDecoder().decode(data.replace("\r", "").replace("\n", "").strip());
        }
        if (file != null && !file.isBlank()) {
            Path p = Path.of(file);
            Path folder = Path.of(path).getParent();
            return ctx.host().read((p.isAbsolute() || folder == null ? p : folder.resolve(p)).toString());
        }
        return null;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        List<String> parts = new ArrayList<>(List.of(path + " usable"));
        if (!server.isEmpty()) {
            parts.add("server " + server);
        }
        if (!ca.isEmpty()) {
            parts.add("cluster CA = " + ca);
        }
        if (!cn.isEmpty()) {
            parts.add("user CN=" + cn);
        }
        if (!o.isEmpty()) {
            parts.add("O=" + String.join(", O=", o));
        }
        if (!oAnyOf.isEmpty()) {
            parts.add("O one of " + String.join(", ", oAnyOf));
        }
        String expected = String.join(", ", parts);
        String evidence = "read " + path + (ca.isEmpty() ? "" : ", " + ca) + " on " + ctx.host().name();
        Kubeconfig kc;
        X509Certificate wantedCa = null;
        try {
            kc = Kubeconfig.parse(new String(ctx.host().read(path), java.nio.charset.StandardCharsets.UTF_8), Path.of(path));
            if (!ca.isEmpty()) {
                wantedCa = Pem.certificate(ctx.host().read(ca));
            }
        } catch (HostUnreachableException e) {
            return CheckResult.error(expected, e.getMessage(), evidence, "check that `lab env` reaches the host");
        } catch (IOException e) {
            return ReadProblem.of(expected, evidence, e, "fetch or write the kubeconfig first",
                    "fetch the kubeconfig again, or regenerate it");
        }
        var context = kc.context(null);
        if (context.isEmpty()) {
            return CheckResult.fail(expected, "no current context", evidence, "kubectl config use-context NAME");
        }
        Kubeconfig.Cluster cluster = kc.clusters().get(context.get().cluster());
        Kubeconfig.User user = kc.users().get(context.get().user());
        List<String> wrong = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        if (cluster == null) {
            return CheckResult.fail(expected, "context " + context.get().name() + " names cluster "
                    + context.get().cluster() + ", which is not in the file", evidence, "");
        }
        seen.add("server " + cluster.server());
        if (!server.isEmpty() && !server.equals(cluster.server())) {
            wrong.add("server is " + cluster.server());
        }
        try {
            if (wantedCa != null) {
                byte[] given = material(ctx, cluster.certificateAuthorityData(), cluster.certificateAuthority());
                if (given == null) {
                    wrong.add("the cluster has no CA (certificate-authority-data or certificate-authority)");
                } else {
                    X509Certificate embedded = Pem.certificate(given);
                    seen.add("cluster CA " + Subject.of(embedded));
                    if (!embedded.equals(wantedCa)) {
                        wrong.add("its cluster CA is not " + ca);
                    }
                }
            }
            if (!cn.isEmpty() || !o.isEmpty() || !oAnyOf.isEmpty()) {
                byte[] clientCert = user == null ? null
                        : material(ctx, user.clientCertificateData(), user.clientCertificate());
                if (clientCert == null) {
                    wrong.add("the user has no client certificate");
                } else {
                    Subject s = Subject.of(Pem.certificate(clientCert));
                    seen.add("user " + s);
                    if (!cn.isEmpty() && !cn.equals(s.cn())) {
                        wrong.add("user CN is " + s.cn());
                    }
                    boolean oWrong = !o.isEmpty() && !Set.copyOf(o).equals(Set.copyOf(s.o()));
                    boolean oneOfWrong = !oAnyOf.isEmpty() && !(s.o().size() == 1 && oAnyOf.contains(s.o().get(0)));
                    if (oWrong || oneOfWrong) {
                        wrong.add("user O is " + (s.o().isEmpty() ? "(none)" : String.join(", ", s.o())));
                    }
                }
            }
        } catch (HostUnreachableException e) {
            return CheckResult.error(expected, e.getMessage(), evidence, "check that `lab env` reaches the host");
        } catch (IOException | IllegalArgumentException e) {
            wrong.add("unreadable certificate data: " + e.getMessage());
        }
        String observed = String.join("; ", seen) + (wrong.isEmpty() ? "" : " — " + String.join("; ", wrong));
        return wrong.isEmpty() ? CheckResult.pass(expected, observed, evidence)
                : CheckResult.fail(expected, observed, evidence, "fetch the kubeconfig again from the control plane "
                + "(/etc/kubernetes/admin.conf), or regenerate it");
    }
}
