package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Shell;

/**
 * A systemd unit is active (and, unless told otherwise, enabled). When it is not, the unit's last
 * log lines are the observation: they are what tells a learner why it stopped.
 */
public record SystemdUnitCheck(String unit, boolean enabled) implements Check {

    public static SystemdUnitCheck from(Params p) {
        return new SystemdUnitCheck(p.string("unit"), p.bool("enabled", true));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String u = Shell.quote(unit);
        Say say = ctx.say();
        String expected = enabled ? say.t("{0} active and enabled", unit) : say.t("{0} active", unit);
        String probe = "echo \"active=$(systemctl is-active " + u + " 2>&1)\"; echo \"enabled=$(systemctl is-enabled " + u
                + " 2>&1)\"; systemctl show " + u + " -p Result -p ExecMainStatus -p NRestarts 2>&1";
        String evidence = HostProbe.evidence(ctx, "systemctl is-active " + unit + "; systemctl is-enabled " + unit);
        return HostProbe.run(ctx, probe, r -> judge(ctx, r, expected, evidence));
    }

    private CheckResult judge(CheckContext ctx, ExecResult r, String expected, String evidence) {
        Say say = ctx.say();
        String out = r.stdout();
        String active = value(out, "active");
        String isEnabled = value(out, "enabled");
        if (active.isEmpty() || out.contains("command not found")) {
            return CheckResult.error(expected, say.t("systemctl did not answer: {0}", r.tail(2)), evidence,
                    say.t("is this host running systemd?"));
        }
        String observed = unit + ": " + active + ", " + isEnabled + details(out);
        boolean ok = active.equals("active") && (!enabled || isEnabled.equals("enabled") || isEnabled.equals("static"));
        if (ok) {
            return CheckResult.pass(expected, observed, evidence);
        }
        // The last log lines say why it stopped; without them the status alone is still worth reporting.
        HostProbe.Answer journal = HostProbe.ask(ctx, "journalctl -u " + Shell.quote(unit) + " -n 8 --no-pager -o cat 2>&1");
        String logs = journal.failed() ? "" : journal.result().stdout().strip();
        String hint = !active.equals("active")
                ? say.t("sudo systemctl start {0}; `journalctl -u {0}` tells why it stopped", unit)
                : "sudo systemctl enable " + unit;
        return CheckResult.fail(expected, observed + (logs.isEmpty() ? "" : say.t("; last log lines:") + "\n" + logs),
                evidence, hint);
    }

    private static String value(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).strip();
            }
        }
        return "";
    }

    private static String details(String out) {
        String result = value(out, "Result");
        String restarts = value(out, "NRestarts");
        StringBuilder sb = new StringBuilder();
        if (!result.isEmpty() && !result.equals("success")) {
            sb.append(" (result ").append(result).append(", exit ").append(value(out, "ExecMainStatus")).append(')');
        }
        if (!restarts.isEmpty() && !restarts.equals("0")) {
            sb.append(", restarted ").append(restarts).append(" times");
        }
        return sb.toString();
    }
}
