package io.kubelab.checks.certs;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
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
        String expected = "the join hash equals sha256 of the SubjectPublicKeyInfo of " + ca;
        String evidence = "read " + ca + " on " + ctx.host().name() + "; sha256(SubjectPublicKeyInfo)";
        if (!m.find()) {
            return CheckResult.fail(expected, "no sha256:<64 hex> hash in what was given", evidence,
                    "the join command ends with --discovery-token-ca-cert-hash sha256:...; recover it with "
                            + "kubeadm token create --print-join-command");
        }
        String given = m.group().toLowerCase(java.util.Locale.ROOT);
        String actual;
        try {
            actual = Pem.caCertHash(Pem.certificate(ctx.host().read(ca)));
        } catch (HostUnreachableException e) {
            return CheckResult.error(expected, e.getMessage(), evidence, "check that `lab env` reaches the host");
        } catch (IOException e) {
            return ReadProblem.of(expected, evidence, e, "kubeadm init writes it; has the control plane been initialised?",
                    "the CA file is not a PEM certificate; fetch it again from /etc/kubernetes/pki/ca.crt");
        }
        if (actual.equals(given)) {
            return CheckResult.pass(expected, "hash " + given + " matches the CA", evidence);
        }
        return CheckResult.fail(expected, "the command has " + given + ", the CA's is " + actual, evidence,
                "the join command belongs to another cluster (or was mistyped): get a fresh one with "
                        + "kubeadm token create --print-join-command on the control plane");
    }
}
