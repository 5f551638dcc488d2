package io.kubelab.checks.certs;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
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
        Say say = ctx.say();
        List<String> parts = new ArrayList<>(List.of(say.t("{0} usable", path)));
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
            parts.add(say.t("O one of {0}", String.join(", ", oAnyOf)));
        }
        String expected = String.join(", ", parts);
        String evidence = say.t("read {0} on {1}", path + (ca.isEmpty() ? "" : ", " + ca), ctx.host().name());
        Kubeconfig kc;
        X509Certificate wantedCa = null;
        try {
            kc = Kubeconfig.parse(new String(ctx.host().read(path), java.nio.charset.StandardCharsets.UTF_8), Path.of(path));
            if (!ca.isEmpty()) {
                wantedCa = Pem.certificate(ctx.host().read(ca));
            }
        } catch (HostUnreachableException e) {
            return CheckResult.error(expected, e.getMessage(), evidence, say.t("check that `lab env` reaches the host"));
        } catch (IOException e) {
            return ReadProblem.of(ctx.say(), expected, evidence, e, say.t("fetch or write the kubeconfig first"),
                    say.t("fetch the kubeconfig again, or regenerate it"));
        }
        var context = kc.context(null);
        if (context.isEmpty()) {
            return CheckResult.fail(expected, say.t("no current context"), evidence, "kubectl config use-context NAME");
        }
        Kubeconfig.Cluster cluster = kc.clusters().get(context.get().cluster());
        Kubeconfig.User user = kc.users().get(context.get().user());
        List<String> wrong = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        if (cluster == null) {
            return CheckResult.fail(expected, say.t("context {0} names cluster {1}, which is not in the file",
                    context.get().name(), context.get().cluster()), evidence, "");
        }
        seen.add("server " + cluster.server());
        if (!server.isEmpty() && !server.equals(cluster.server())) {
            wrong.add(say.t("server is {0}", cluster.server()));
        }
        try {
            if (wantedCa != null) {
                byte[] given = material(ctx, cluster.certificateAuthorityData(), cluster.certificateAuthority());
                if (given == null) {
                    wrong.add(say.t("the cluster has no CA (certificate-authority-data or certificate-authority)"));
                } else {
                    X509Certificate embedded = Pem.certificate(given);
                    seen.add("cluster CA " + Subject.of(embedded));
                    if (!embedded.equals(wantedCa)) {
                        wrong.add(say.t("its cluster CA is not {0}", ca));
                    }
                }
            }
            if (!cn.isEmpty() || !o.isEmpty() || !oAnyOf.isEmpty()) {
                byte[] clientCert = user == null ? null
                        : material(ctx, user.clientCertificateData(), user.clientCertificate());
                if (clientCert == null) {
                    wrong.add(say.t("the user has no client certificate"));
                } else {
                    Subject s = Subject.of(Pem.certificate(clientCert));
                    seen.add("user " + s);
                    if (!cn.isEmpty() && !cn.equals(s.cn())) {
                        wrong.add(say.t("user CN is {0}", s.cn()));
                    }
                    boolean oWrong = !o.isEmpty() && !Set.copyOf(o).equals(Set.copyOf(s.o()));
                    boolean oneOfWrong = !oAnyOf.isEmpty() && !(s.o().size() == 1 && oAnyOf.contains(s.o().get(0)));
                    if (oWrong || oneOfWrong) {
                        wrong.add(say.t("user O is {0}", s.o().isEmpty() ? say.t("(none)") : String.join(", ", s.o())));
                    }
                }
            }
        } catch (HostUnreachableException e) {
            return CheckResult.error(expected, e.getMessage(), evidence, say.t("check that `lab env` reaches the host"));
        } catch (IOException | IllegalArgumentException e) {
            wrong.add(say.t("unreadable certificate data: {0}", e.getMessage()));
        }
        String observed = String.join("; ", seen) + (wrong.isEmpty() ? "" : " — " + String.join("; ", wrong));
        return wrong.isEmpty() ? CheckResult.pass(expected, observed, evidence)
                : CheckResult.fail(expected, observed, evidence, say.t("fetch the kubeconfig again from the control "
                + "plane (/etc/kubernetes/admin.conf), or regenerate it"));
    }
}
