package io.kubelab.checks.onhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Params;
import io.kubelab.checks.Status;
import io.kubelab.checks.cluster.ClusterAccess;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.checks.testing.FakeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logged in or not, for each provider: the real aws-cli and gcloud where this machine has them
 * (with no credentials, as a fresh learner's machine), stand-ins printing what the tools print
 * for the logged-in side and for az.
 */
class CloudLoginCheckTest {
    @TempDir
    Path dir;
    FakeTools tools;

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(dir.resolve("fixtures"));
    }

    private CheckResult run(String provider, String project, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(tools.env(Map.of()));
        all.putAll(env);
        return CloudLoginCheck.from(Params.of("provider", provider, "project", project))
                .run(new CheckContext(new LocalHost(all, dir), ClusterAccess.none(), Duration.ofSeconds(60)));
    }

    /** The folder of a real tool on this JVM's PATH, if there is one. */
    private static Optional<Path> realTool(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of)
                .filter(d -> Files.isExecutable(d.resolve(name))).findFirst();
    }

    @Test
    void theRealAwsCliWithoutCredentials() throws Exception {
        Optional<Path> aws = realTool("aws");
        assumeTrue(aws.isPresent(), "aws-cli is not installed here");
        Path empty = Files.createDirectories(dir.resolve("home"));
        CheckResult r = run("aws", "", Map.of("PATH", aws.get() + ":" + tools.path(), "HOME", empty.toString(),
                "AWS_CONFIG_FILE", empty.resolve("config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", empty.resolve("credentials").toString()));
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertEquals("no AWS credentials", r.observed());
        assertEquals("log in: `aws configure sso` then `aws sso login`, or `aws configure` with an access key", r.hint());
        assertEquals("on local: " + CloudLoginCheck.AWS, r.evidence());
    }

    @Test
    void awsLoggedIn() throws Exception {
        tools.script("aws", "[ \"$1 $2\" = 'sts get-caller-identity' ] || exit 2; echo arn:aws:iam::123456789012:user/learner");
        CheckResult r = run("aws", "", Map.of());
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("logged in as arn:aws:iam::123456789012:user/learner", r.observed());
    }

    @Test
    void theRealGcloudWithNoAccount() throws Exception {
        assumeTrue(realTool("gcloud").isPresent(), "gcloud is not installed here");
        Path config = Files.createDirectories(dir.resolve("gcloud-config"));
        CheckResult r = run("gcp", "", Map.of("CLOUDSDK_CONFIG", config.toString()));
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertEquals("no active gcloud account", r.observed());
        assertEquals("log in: `gcloud auth login`", r.hint());
    }

    @Test
    void gcloudLoggedInWithoutAProjectNeedsOneUnlessTheLabGivesIt() throws Exception {
        tools.script("gcloud", """
                case "$*" in
                  "auth list"*) echo learner@example.com ;;
                  "config get-value project") echo '(unset)' ;;
                  *) exit 2 ;;
                esac""");
        CheckResult none = run("gcp", "", Map.of());
        assertEquals(Status.FAIL, none.status(), none.toString());
        assertEquals("logged in as learner@example.com; no project set", none.observed());
        assertEquals("set one: `gcloud config set project PROJECT_ID`", none.hint());
        CheckResult given = run("gcp", "kubelab-class-1", Map.of());
        assertEquals(Status.PASS, given.status(), given.toString());
        assertEquals("logged in as learner@example.com; project kubelab-class-1", given.observed());
    }

    @Test
    void azureNotLoggedInAndNotInstalled() throws Exception {
        // What az account show prints before az login (azure-cli 2.x).
        tools.script("az", "echo \"Please run 'az login' to setup account.\" >&2; exit 1");
        CheckResult r = run("azure", "", Map.of());
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertEquals("not logged in to Azure", r.observed());
        assertEquals("log in: `az login`", r.hint());
        tools.script("az", "echo 'bash: az: command not found' >&2; exit 127");
        CheckResult missing = run("azure", "", Map.of());
        assertEquals("az is not installed", missing.observed());
    }

    @Test
    void azureLoggedIn() throws Exception {
        tools.script("az", "printf 'Pay-As-You-Go\\tlearner@example.com\\n'");
        CheckResult r = run("azure", "", Map.of());
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("logged in: Pay-As-You-Go learner@example.com", r.observed());
    }
}
