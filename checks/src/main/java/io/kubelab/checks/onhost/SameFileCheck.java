package io.kubelab.checks.onhost;

import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import io.kubelab.checks.host.Shell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file is the same on every host of the target, compared by its SHA-256 there (the file itself
 * never leaves the host: it may hold a key). Every API server must have the same encryption
 * configuration, or a Secret written through one cannot be read through another.
 */
public record SameFileCheck(String path) implements Check {

    public static SameFileCheck from(Params p) {
        String path = p.string("path", "");
        if (path.isBlank()) {
            throw new BadParameterException("give the file: path: /var/lib/kubernetes/encryption-config.yaml");
        }
        return new SameFileCheck(path);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        List<String> names = ctx.hosts().stream().map(Host::name).toList();
        String expected = say.t("{0} the same on {1}", path, String.join(", ", names));
        String command = "sha256sum " + Shell.quote(path);
        String evidence = say.t("on {0}: {1}", String.join(", ", names), command);
        Map<String, List<String>> byHash = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Host h : ctx.hosts()) {
            ExecResult r;
            try {
                r = h.exec(command + " 2>/dev/null | cut -c1-64", ctx.timeout());
            } catch (HostUnreachableException e) {
                return CheckResult.error(expected, e.getMessage(), say.t("on {0}", h.name()),
                        say.t("check that `lab env` reaches it"));
            }
            String hash = r.stdout().strip();
            if (hash.matches("[0-9a-f]{64}")) {
                byHash.computeIfAbsent(hash, k -> new ArrayList<>()).add(h.name());
            } else {
                missing.add(h.name());
            }
        }
        List<String> seen = new ArrayList<>();
        byHash.forEach((hash, hosts) -> seen.add(String.join(", ", hosts) + " sha256 " + hash.substring(0, 12) + "…"));
        if (!missing.isEmpty()) {
            seen.add(say.t("missing or unreadable on {0}", String.join(", ", missing)));
        }
        String observed = String.join("; ", seen);
        if (byHash.size() == 1 && missing.isEmpty()) {
            return CheckResult.pass(expected, observed, evidence);
        }
        return CheckResult.fail(expected, observed, evidence,
                say.t("copy the right one from one host to the others, so that every host has the same file"));
    }
}
