package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.LocalHost;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.Action;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.actions.CreateAction;
import io.kubelab.labs.cloud.CloudResource;
import io.kubelab.labs.load.LabCatalog;
import io.kubelab.labs.model.CheckSpec;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.nodes.LocalNode;
import io.kubelab.labs.nodes.Nodes;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.RunListener;
import io.kubelab.labs.run.SessionConfig;
import io.kubelab.labs.values.Render;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of a managed-cluster lab for a cloud CLI installed here — its actions for each
 * choice, what the ledger records to describe and delete a cluster, its checks' commands, its
 * solutions — given to the real CLI with no credentials. gcloud and aws-cli parse the arguments
 * before they look for credentials, so an unknown flag fails as such ("unrecognized arguments",
 * "Unknown options") and a valid command only for want of an account. The flags are the real
 * tools', not our memory of them.
 */
class ManagedLabsOnRealClisTest {
    private static final String NO_ACCOUNT = "You do not currently have an active account selected";
    private static final String NO_CREDENTIALS = "Unable to locate credentials";

    @TempDir
    Path dir;

    /** This machine with the real CLIs on PATH and no credentials for any of them. */
    private LocalHost noCredentials() throws Exception {
        Path config = Files.createDirectories(dir.resolve("gcloud-config"));
        String path = realTool("aws").map(p -> p + ":").orElse("") + "/usr/bin:/bin";
        return new LocalHost(Map.of("PATH", path, "HOME", dir.toString(), "CLOUDSDK_CONFIG", config.toString(),
                "CLOUDSDK_CORE_DISABLE_PROMPTS", "1", "AWS_CONFIG_FILE", dir.resolve("aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws-credentials").toString()), dir);
    }

    /** The folder of a real tool on this JVM's PATH (aws-cli may live in a Python environment). */
    private static java.util.Optional<Path> realTool(String name) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of)
                .filter(d -> Files.isExecutable(d.resolve(name))).findFirst();
    }

    /** What the real CLI says of a command: "" when it parsed, else its complaint. */
    private static String judge(LocalHost cli, String command) throws Exception {
        ExecResult r = cli.exec(ExecRequest.of(command, Duration.ofSeconds(60)));
        String out = r.output();
        if (out.contains("unrecognized arguments") || out.contains("Invalid choice") || out.contains("Unknown options")
                || out.contains("argument ") && (out.contains("ERROR: (gcloud") || out.contains("usage:"))) {
            return out.strip();
        }
        return r.ok() || out.contains(NO_ACCOUNT) || out.contains(NO_CREDENTIALS) ? ""
                : "neither parsed nor asked for credentials: " + out.strip();
    }

    /** The commands for {@code cli} of a lab with these variables, as they would run. */
    private Set<String> commandsOf(String labId, Map<String, String> given, String cli) throws Exception {
        LabCatalog catalog = new LabCatalog(getClass().getClassLoader(), CheckRegistry.standard(Map.of()),
                ActionRegistry.standard(), Path.of("."));
        Lab lab = catalog.load(labId);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString());
        SessionConfig config = new SessionConfig(dir.resolve("state-" + labId + given.hashCode()), env, "en", given,
                Prompter.NONE, RunListener.SILENT, CheckRegistry.standard(env), null);
        Pattern shown = Pattern.compile("(?m)^.*\\b" + cli + " [^\\n]*$");
        Set<String> commands = new LinkedHashSet<>();
        try (LabSession s = new LabSession(lab, config, Nodes.localOnly(new LocalNode(new LocalHost(env, dir))))) {
            Render render = s.variables().renderer();
            for (Step step : lab.steps()) {
                for (Action a : step.actions()) {
                    commands.add(a.describe(render));
                    if (a instanceof CreateAction c && c.condition().map(w -> w.holds(s.variables()::get, g -> 0))
                            .orElse(true)) {
                        CloudResource r = c.resource(render, lab.id(), Instant.now());
                        commands.add(r.describe());
                        commands.add(r.delete());
                    }
                }
                for (CheckSpec c : step.checks()) {
                    Object command = c.params().get("command");
                    if (command != null) {
                        commands.add(s.shown(String.valueOf(command)));
                    }
                }
                Matcher m = shown.matcher(step.solution().in("en"));
                while (m.find()) {
                    commands.add(m.group().replaceAll("\\s+#.*$", "").strip());
                }
            }
        }
        // Placeholders (<PROJECT>) are for the learner to fill in; logging in opens a browser.
        commands.removeIf(c -> !c.matches("(?s)(.*[ ;&|])?" + cli + " .*") || c.contains("<") || c.contains(" login")
                || c.contains(cli + " configure"));
        return commands;
    }

    /** Judges every command, a few at once (each start of a Python CLI costs about a second of CPU). */
    private List<String> wrongIn(Set<String> all) throws Exception {
        LocalHost cli = noCredentials();
        List<String> wrong = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<String>> said = new ArrayList<>();
            for (String command : all) {
                said.add(pool.submit(() -> judge(cli, command)));
            }
            int i = 0;
            for (String command : all) {
                String complaint = said.get(i++).get();
                if (!complaint.isEmpty()) {
                    wrong.add(command + "\n    -> " + complaint);
                }
            }
        } finally {
            pool.shutdown();
        }
        return wrong;
    }

    @Test
    void everyGcloudCommandOfTheGkeLabParsesInTheRealGcloud() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcloud")), "the Google Cloud CLI is not installed here");
        // The judge itself: a flag gcloud does not have is caught.
        String caught = judge(noCredentials(), "gcloud container clusters create demo --location us-central1-a --master-zones x");
        assertTrue(caught.contains("unrecognized arguments") && caught.contains("--master-zones"), caught);
        Set<String> all = new LinkedHashSet<>();
        for (String type : List.of("zonal", "multi-zonal", "regional", "autopilot")) {
            all.addAll(commandsOf("gke", Map.of("project", "kubelab-class-1", "type", type, "location", "us-central1-a"),
                    "gcloud"));
        }
        assertEquals(List.of(), wrongIn(all));
        // Each kind of cluster's create, its describe and delete, get-credentials, the API and the checks.
        assertTrue(all.size() >= 14, "commands judged: " + all);
        assertTrue(all.stream().anyMatch(c -> c.contains("create-auto kubelab")), all.toString());
        assertTrue(all.stream().anyMatch(c -> c.contains("--node-locations")), all.toString());
    }

    @Test
    void everyAwsCommandOfTheEksLabParsesInTheRealAwsCli() throws Exception {
        assumeTrue(realTool("aws").isPresent(), "aws-cli is not installed here");
        String caught = judge(noCredentials(), "aws eks describe-cluster-versions --region us-west-2 --bogus");
        assertTrue(caught.contains("Unknown options: --bogus"), caught);
        Set<String> all = new LinkedHashSet<>();
        for (String auto : List.of("false", "true")) {
            all.addAll(commandsOf("eks", Map.of("auto_mode", auto), "aws"));
        }
        all.addAll(commandsOf("kops", Map.of("state_bucket", "kubelab-state-example"), "aws"));
        // A line of several commands (make a bucket, then version and tag it) is judged command by command.
        Set<String> each = new LinkedHashSet<>();
        all.forEach(line -> java.util.Arrays.stream(line.split(" && |; "))
                .filter(c -> c.strip().startsWith("aws ")).forEach(c -> each.add(c.strip())));
        assertEquals(List.of(), wrongIn(each));
        assertTrue(each.stream().anyMatch(c -> c.startsWith("aws eks describe-cluster-versions --region us-west-2")),
                each.toString());
        assertTrue(each.stream().anyMatch(c -> c.startsWith("aws s3api put-bucket-versioning --bucket kubelab-state-example")),
                each.toString());
    }
}
