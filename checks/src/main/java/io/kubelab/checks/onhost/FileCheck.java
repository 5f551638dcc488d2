package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A file exists and, when asked, has a mode, an owner, and content matching a pattern. */
public record FileCheck(String path, String mode, String owner, Pattern content) implements Check {

    public static FileCheck from(Params p) {
        String mode = p.string("mode", "");
        if (!mode.isEmpty() && !mode.matches("0?[0-7]{3,4}")) {
            throw new io.kubelab.checks.BadParameterException("parameter 'mode' must be octal like \"0600\"");
        }
        String content = p.string("content", "");
        return new FileCheck(p.string("path"), mode.isEmpty() ? "" : Integer.toOctalString(Integer.parseInt(mode, 8)),
                p.string("owner", ""), content.isEmpty() ? null : Pattern.compile(content, Pattern.MULTILINE));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        List<String> wanted = new ArrayList<>(List.of(say.t("{0} exists", path)));
        if (!mode.isEmpty()) {
            wanted.add(say.t("mode {0}", mode));
        }
        if (!owner.isEmpty()) {
            wanted.add(say.t("owner {0}", owner));
        }
        if (content != null) {
            wanted.add(say.t("content matching /{0}/", content.pattern()));
        }
        String expected = String.join(", ", wanted);
        String q = Shell.quote(path);
        String probe = "stat -c '%a %U:%G %F' -- " + q + (content == null ? "" : " && cat -- " + q);
        String evidence = HostProbe.evidence(ctx, "stat " + path);
        return HostProbe.run(ctx, probe, r -> {
            if (r.exitCode() != 0) {
                String why = r.stderr().contains("No such file") ? say.t("{0} does not exist", path)
                        : r.stderr().contains("Permission denied") ? say.t("permission denied reading {0}", path) : r.tail(2);
                return r.stderr().contains("Permission denied")
                        ? CheckResult.error(expected, why, evidence, say.t("run lab with a user that can read it, or "
                        + "ansible_become"))
                        : CheckResult.fail(expected, why, evidence, "");
            }
            String[] lines = r.stdout().split("\n", 2);
            String[] stat = lines[0].split(" ", 3);
            String haveMode = stat[0];
            String haveOwner = stat[1];
            String observed = say.t("{0}: mode {1}, owner {2}, {3}", path, haveMode, haveOwner, stat[2]);
            List<String> wrong = new ArrayList<>();
            if (!mode.isEmpty() && !mode.equals(haveMode)) {
                wrong.add("chmod " + mode + " " + path);
            }
            if (!owner.isEmpty() && !(owner.contains(":") ? owner.equals(haveOwner) : haveOwner.startsWith(owner + ":"))) {
                wrong.add("chown " + owner + " " + path);
            }
            if (content != null && !content.matcher(lines.length > 1 ? lines[1] : "").find()) {
                observed += say.t("; its content does not match");
                wrong.add(say.t("look at its content: cat {0}", path));
            }
            return wrong.isEmpty() ? CheckResult.pass(expected, observed, evidence)
                    : CheckResult.fail(expected, observed, evidence, String.join("; ", wrong));
        });
    }
}
