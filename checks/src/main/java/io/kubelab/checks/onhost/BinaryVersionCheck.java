package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.Version;
import io.kubelab.checks.host.Shell;
import java.util.Optional;

/** A tool is on the PATH and, optionally, at least a given version (parsed from its own version output). */
public record BinaryVersionCheck(String binary, Version min, String versionCommand) implements Check {

    public static BinaryVersionCheck from(Params p) {
        String binary = p.string("binary");
        Version min = p.optString("min").map(Version::parse).orElse(null);
        return new BinaryVersionCheck(binary, min, p.string("command", KnownBinary.of(binary).versionCommand()));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        KnownBinary known = KnownBinary.of(binary);
        Say say = ctx.say();
        String expected = min == null ? say.t("{0} installed", binary) : say.t("{0} {1} or newer", binary, min);
        // One round trip: where the binary is, then what it says its version is.
        String probe = "command -v " + Shell.quote(binary) + " && { " + versionCommand + "; } 2>&1";
        String evidence = HostProbe.evidence(ctx, versionCommand);
        return HostProbe.run(ctx, probe, r -> {
            String[] lines = r.stdout().strip().split("\n", 2);
            if (r.stdout().isBlank() || !lines[0].contains("/")) {
                return CheckResult.fail(expected, say.t("{0} not found on PATH", binary), evidence, known.installHint());
            }
            String path = lines[0].strip();
            String said = lines.length > 1 ? lines[1].strip() : "";
            Optional<Version> found = Version.find(said);
            if (found.isEmpty()) {
                return new CheckResult(min == null ? io.kubelab.checks.Status.PASS : io.kubelab.checks.Status.FAIL,
                        expected, say.t("{0} at {1}, but its version output had no version: {2}", binary, path,
                        firstLine(said)), evidence, min == null ? "" : say.t("run `{0}` to see why", versionCommand));
            }
            String observed = say.t("{0} {1} at {2}", binary, found.get(), path);
            if (min != null && found.get().compareTo(min) < 0) {
                return CheckResult.fail(expected, observed, evidence, say.t("upgrade {0}: {1}", binary, known.installHint()));
            }
            return CheckResult.pass(expected, observed, evidence);
        });
    }

    private static String firstLine(String s) {
        return s.isEmpty() ? "(nothing)" : s.split("\n", 2)[0];
    }
}
