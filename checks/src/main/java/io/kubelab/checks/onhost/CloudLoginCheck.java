package io.kubelab.checks.onhost;

import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Say;
import io.kubelab.checks.host.ExecResult;
import java.util.List;

/**
 * The cloud CLI is logged in, asked the way each provider documents: {@code aws sts
 * get-caller-identity}, {@code gcloud auth list} and the project set, {@code az account show}.
 * A CLI that is not logged in gets the provider's own way to log in as its hint.
 *
 * @param project for gcp: the project the lab uses, or "" to require one set in gcloud's configuration
 */
public record CloudLoginCheck(String provider, String project) implements Check {
    static final List<String> PROVIDERS = List.of("aws", "gcp", "azure");
    static final String AWS = "aws sts get-caller-identity --query Arn --output text";
    static final String GCP_ACCOUNT = "gcloud auth list --filter=status:ACTIVE --format='value(account)'";
    static final String GCP_PROJECT = "gcloud config get-value project";
    static final String AZURE = "az account show --query '[name, user.name]' --output tsv";

    public static CloudLoginCheck from(Params p) {
        String provider = p.string("provider");
        if (!PROVIDERS.contains(provider)) {
            throw new BadParameterException("provider must be one of " + String.join(", ", PROVIDERS));
        }
        return new CloudLoginCheck(provider, p.string("project", ""));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return switch (provider) {
            case "aws" -> aws(ctx);
            case "gcp" -> gcp(ctx);
            default -> azure(ctx);
        };
    }

    private static CheckResult aws(CheckContext ctx) {
        Say say = ctx.say();
        String expected = say.t("aws-cli logged in");
        String evidence = HostProbe.evidence(ctx, AWS);
        return HostProbe.run(ctx, AWS, r -> {
            if (r.ok()) {
                return CheckResult.pass(expected, say.t("logged in as {0}", r.stdout().strip()), evidence);
            }
            String out = r.output();
            if (out.contains("Unable to locate credentials")) {
                return CheckResult.fail(expected, say.t("no AWS credentials"), evidence,
                        say.t("log in: `aws configure sso` then `aws sso login`, or `aws configure` with an access key"));
            }
            if (out.contains("ExpiredToken") || out.contains("Token has expired")) {
                return CheckResult.fail(expected, say.t("the AWS session has expired"), evidence,
                        say.t("log in again: `aws sso login`"));
            }
            return notRun(ctx, expected, r, AWS, "aws");
        });
    }

    private CheckResult gcp(CheckContext ctx) {
        Say say = ctx.say();
        String expected = project.isEmpty() ? say.t("gcloud logged in, with a project set")
                : say.t("gcloud logged in");
        String evidence = HostProbe.evidence(ctx, GCP_ACCOUNT);
        return HostProbe.run(ctx, GCP_ACCOUNT, r -> {
            if (!r.ok()) {
                return notRun(ctx, expected, r, GCP_ACCOUNT, "gcloud");
            }
            String account = r.stdout().strip();
            if (account.isEmpty()) {
                return CheckResult.fail(expected, say.t("no active gcloud account"), evidence,
                        say.t("log in: `gcloud auth login`"));
            }
            if (!project.isEmpty()) {
                return CheckResult.pass(expected, say.t("logged in as {0}; project {1}", account, project), evidence);
            }
            return HostProbe.run(ctx, GCP_PROJECT, p -> {
                String set = p.stdout().strip();
                if (!p.ok() || set.isEmpty() || set.equals("(unset)")) {
                    return CheckResult.fail(expected, say.t("logged in as {0}; no project set", account),
                            HostProbe.evidence(ctx, GCP_PROJECT), say.t("set one: `gcloud config set project PROJECT_ID`"));
                }
                return CheckResult.pass(expected, say.t("logged in as {0}; project {1}", account, set), evidence);
            });
        });
    }

    private static CheckResult azure(CheckContext ctx) {
        Say say = ctx.say();
        String expected = say.t("Azure CLI logged in");
        String evidence = HostProbe.evidence(ctx, AZURE);
        return HostProbe.run(ctx, AZURE, r -> {
            if (r.ok()) {
                return CheckResult.pass(expected, say.t("logged in: {0}", r.stdout().strip().replace('\t', ' ')), evidence);
            }
            if (r.output().contains("az login")) {
                return CheckResult.fail(expected, say.t("not logged in to Azure"), evidence, say.t("log in: `az login`"));
            }
            return notRun(ctx, expected, r, AZURE, "az");
        });
    }

    /** The CLI is missing (exit 127) or failed in a way this check does not know: its own words. */
    private static CheckResult notRun(CheckContext ctx, String expected, ExecResult r, String command, String cli) {
        Say say = ctx.say();
        String evidence = HostProbe.evidence(ctx, command);
        if (r.exitCode() == 127) {
            return CheckResult.fail(expected, say.t("{0} is not installed", cli), evidence,
                    say.t("install {0} first (the step before says how)", cli));
        }
        return CheckResult.fail(expected, say.t("exit status {0}: {1}", r.exitCode(), r.tail(3)), evidence,
                say.t("run `{0}` yourself and read its message", command));
    }
}
