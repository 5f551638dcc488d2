package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
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
        String expected = "exit status " + exit + (match == null ? "" : " and output matching /" + match.pattern() + "/");
        String evidence = HostProbe.evidence(ctx.host(), command);
        return HostProbe.run(ctx, command, r -> {
            String tail = r.tail(5);
            if (r.exitCode() != exit) {
                return CheckResult.fail(expected, "exit status " + r.exitCode() + (tail.isEmpty() ? "" : ": " + tail),
                        evidence, "run `" + command + "` yourself and read its message");
            }
            if (match != null && !match.matcher(r.output()).find()) {
                return CheckResult.fail(expected, "output did not match: " + (tail.isEmpty() ? "(no output)" : tail),
                        evidence, "");
            }
            String out = r.output().strip();
            return CheckResult.pass(expected, "exit status " + r.exitCode() + (out.isEmpty() ? "" : ": " + firstLine(out)),
                    evidence);
        });
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
