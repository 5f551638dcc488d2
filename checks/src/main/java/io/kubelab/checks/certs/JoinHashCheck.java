package io.kubelab.checks.certs;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import io.kubelab.checks.host.HostUnreachableException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The --discovery-token-ca-cert-hash of a kubeadm join command is the SHA-256 of the cluster CA's
 * SubjectPublicKeyInfo (not of the whole certificate): a joining node uses it to trust the CA.
 */
public record JoinHashCheck(String ca, String hashOrCommand) implements Check {
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    public static JoinHashCheck from(Params p) {
        return new JoinHashCheck(p.string("ca", "/etc/kubernetes/pki/ca.crt"), p.string("hash"));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Matcher m = HASH.matcher(hashOrCommand);
        Say say = ctx.say();
        String expected = say.t("the join hash equals sha256 of the SubjectPublicKeyInfo of {0}", ca);
        String evidence = say.t("read {0} on {1}; sha256(SubjectPublicKeyInfo)", ca, ctx.host().name());
        if (!m.find()) {
            return CheckResult.fail(expected, say.t("no sha256:<64 hex> hash in what was given"), evidence,
                    say.t("the join command ends with --discovery-token-ca-cert-hash sha256:...; recover it with "
                            + "kubeadm token create --print-join-command"));
        }
        String given = m.group().toLowerCase(java.util.Locale.ROOT);
        String actual;
        try {
            actual = Pem.caCertHash(Pem.certificate(ctx.host().read(ca)));
        } catch (HostUnreachableException e) {
            return CheckResult.error(expected, e.getMessage(), evidence, say.t("check that `lab env` reaches the host"));
        } catch (IOException e) {
            return ReadProblem.of(ctx.say(), expected, evidence, e, say.t("kubeadm init writes it; has the control plane been "
                    + "initialised?"), say.t("the CA file is not a PEM certificate; fetch it again from "
                    + "/etc/kubernetes/pki/ca.crt"));
        }
        if (actual.equals(given)) {
            return CheckResult.pass(expected, say.t("hash {0} matches the CA", given), evidence);
        }
        return CheckResult.fail(expected, say.t("the command has {0}, the CA's is {1}", given, actual), evidence,
                say.t("the join command belongs to another cluster (or was mistyped): get a fresh one with "
                        + "kubeadm token create --print-join-command on the control plane"));
    }
}
