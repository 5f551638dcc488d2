package io.kubelab.checks.onhost;

import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.Version;
import io.kubelab.checks.host.Shell;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ansible a kubespray checkout will be run with is one it accepts. The range is read from the
 * checkout itself — the minimal and maximal versions its version-check playbook asserts
 * (playbooks/ansible_version.yml) — never written down here, so a newer kubespray brings its own.
 *
 * @param checkout the kubespray checkout
 * @param command  the ansible-playbook that will run it
 */
public record AnsibleVersionCheck(String checkout, String command) implements Check {
    static final String VERSION_PLAY = "playbooks/ansible_version.yml";
    private static final Pattern MINIMAL = Pattern.compile("(?m)^\\s*minimal_ansible_version:\\s*['\"]?([0-9.]+)");
    private static final Pattern MAXIMAL = Pattern.compile("(?m)^\\s*maximal_ansible_version:\\s*['\"]?([0-9.]+)");
    private static final Pattern CORE = Pattern.compile("core ([0-9]+\\.[0-9]+(?:\\.[0-9]+)?)");

    public static AnsibleVersionCheck from(Params p) {
        return new AnsibleVersionCheck(p.string("checkout"), p.string("command", "ansible-playbook"));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Say say = ctx.say();
        String file = checkout.replaceAll("/+$", "") + "/" + VERSION_PLAY;
        String read = "cat " + Shell.quote(file);
        return HostProbe.run(ctx, read, play -> {
            Optional<String> min = group(MINIMAL, play.stdout());
            Optional<String> max = group(MAXIMAL, play.stdout());
            if (!play.ok() || min.isEmpty() || max.isEmpty()) {
                return CheckResult.fail(say.t("the Ansible range the checkout asserts"), play.ok()
                        ? say.t("{0} names no minimal_ansible_version and maximal_ansible_version", file)
                        : say.t("no {0}", file), HostProbe.evidence(ctx, read),
                        say.t("check out a kubespray release first (the step before)"));
            }
            String expected = say.t("ansible-core ≥ {0} and < {1} (what {2} asserts)", min.get(), max.get(), VERSION_PLAY);
            String ask = command + " --version";
            String evidence = HostProbe.evidence(ctx, ask);
            String venv = say.t("make a virtual environment with the checkout's requirements: python3 -m venv VENV && "
                    + "VENV/bin/pip install -r {0}/requirements.txt, then run VENV/bin/ansible-playbook", checkout);
            return HostProbe.run(ctx, ask, r -> {
                Optional<String> core = group(CORE, r.stdout());
                if (!r.ok() || core.isEmpty()) {
                    return CheckResult.fail(expected, r.exitCode() == 127 ? say.t("{0} is not installed", command)
                            : say.t("exit status {0}: {1}", r.exitCode(), r.tail(3)), evidence, venv);
                }
                Version have = Version.parse(core.get());
                boolean in = have.compareTo(Version.parse(min.get())) >= 0 && have.compareTo(Version.parse(max.get())) < 0;
                String observed = say.t("ansible-core {0}", core.get());
                return in ? CheckResult.pass(expected, observed, evidence)
                        : CheckResult.fail(expected, observed, evidence, venv);
            });
        });
    }

    private static Optional<String> group(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
