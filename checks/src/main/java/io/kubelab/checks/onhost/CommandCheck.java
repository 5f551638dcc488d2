package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import java.util.regex.Pattern;

/** A command exits with the expected status and, optionally, its output matches a pattern. */
public record CommandCheck(String command, int exit, Pattern match) implements Check {

    public static CommandCheck from(Params p) {
        String match = p.string("match", "");
        return new CommandCheck(p.string("command"), (int) p.integer("exit", 0),
                match.isEmpty() ? null : Pattern.compile(match, Pattern.MULTILINE));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String expected = match == null ? say.t("exit status {0}", exit)
                : say.t("exit status {0} and output matching /{1}/", exit, match.pattern());
        String evidence = HostProbe.evidence(ctx, command);
        return HostProbe.run(ctx, command, r -> {
            String tail = r.tail(5);
            if (r.exitCode() != exit) {
                return CheckResult.fail(expected, tail.isEmpty() ? say.t("exit status {0}", r.exitCode())
                        : say.t("exit status {0}: {1}", r.exitCode(), tail), evidence,
                        say.t("run `{0}` yourself and read its message", command));
            }
            if (match != null && !match.matcher(r.output()).find()) {
                return CheckResult.fail(expected, say.t("output did not match: {0}", tail.isEmpty() ? say.t("(no output)")
                        : tail), evidence, "");
            }
            String out = r.output().strip();
            return CheckResult.pass(expected, out.isEmpty() ? say.t("exit status {0}", r.exitCode())
                    : say.t("exit status {0}: {1}", r.exitCode(), firstLine(out)), evidence);
        });
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
