package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.Shell;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A secret is encrypted at rest: its value in etcd, read with etcdctl on a control-plane host,
 * starts with the encryption provider's prefix (k8s:enc:aescbc:v1:KEY) instead of k8s\0 (plain).
 */
public record SecretEncryptedCheck(String namespace, String name, String prefix, String etcdctlFlags) implements Check {

    public static SecretEncryptedCheck from(Params p) {
        String flags = p.string("etcdctl_flags", "");
        if (flags.isEmpty() && p.bool("kubeadm", false)) {
            flags = "--endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt "
                    + "--cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key";
        }
        return new SecretEncryptedCheck(p.string("namespace", "default"), p.string("secret"),
                p.string("prefix", "k8s:enc:aescbc:v1:"), flags);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String key = "/registry/secrets/" + namespace + "/" + name;
        String command = "ETCDCTL_API=3 etcdctl " + etcdctlFlags + (etcdctlFlags.isEmpty() ? "" : " ") + "get "
                + Shell.quote(key) + " --print-value-only";
        String expected = say.t("etcd holds {0} starting with {1}", key, prefix);
        String evidence = HostProbe.evidence(ctx, command + " | hexdump -C");
        return HostProbe.run(ctx, "set -o pipefail; " + command + " | head -c 64 | base64 -w0", r -> {
            if (r.exitCode() != 0) {
                return CheckResult.error(expected, say.t("etcdctl failed: {0}", r.tail(2)), evidence,
                        say.t("run it on a control-plane host with etcdctl and the etcd client certificates"));
            }
            byte[] value = Base64.getDecoder().decode(r.stdout().strip());
            if (value.length == 0) {
                return CheckResult.fail(expected, say.t("no key {0} in etcd", key), evidence,
                        say.t("create it first: {0}", "kubectl create secret generic " + name
                                + " --from-literal=mykey=mydata"));
            }
            String start = printable(value);
            if (start.startsWith(prefix)) {
                return CheckResult.pass(expected, say.t("value starts with {0}", textPrefix(value)), evidence);
            }
            String seen = start.substring(0, Math.min(16, start.length()));
            return CheckResult.fail(expected, start.startsWith("k8s.")
                    ? say.t("value starts with {0} (stored in plain protobuf: not encrypted)", seen)
                    : say.t("value starts with {0}", seen), evidence,
                    say.t("the API server needs --encryption-provider-config with the provider first; secrets written "
                            + "before that stay plain until rewritten ({0})",
                            "kubectl get secrets -A -o json | kubectl replace -f -"));
        });
    }

    /** The readable start of a value: up to the first byte that is not printable ASCII. */
    private static String textPrefix(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (x < 32 || x >= 127) {
                break;
            }
            sb.append((char) x);
        }
        return sb.toString();
    }

    /** Every byte, non-printable ones as '.', as hexdump -C shows them. */
    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(x >= 32 && x < 127 ? (char) x : '.');
        }
        return new String(sb.toString().getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }
}
