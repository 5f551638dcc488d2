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
 * Every gcloud command the GKE lab runs or shows — its actions for each cluster type, what the
 * ledger records to describe and delete a cluster, its checks' commands, its solutions — given to
 * the real gcloud with no account: gcloud parses the arguments before it looks for an account, so
 * an unknown flag fails with "unrecognized arguments" and a valid command only with "You do not
 * currently have an active account selected". The flags are the real tool's, not our memory of them.
 */
class GkeLabOnRealGcloudTest {
    private static final String NO_ACCOUNT = "You do not currently have an active account selected";
    private static final Pattern GCLOUD = Pattern.compile("(?m)^.*\\bgcloud [^\\n]*$");

    @TempDir
    Path dir;

    private LocalHost gcloudHost() throws Exception {
        Path config = Files.createDirectories(dir.resolve("gcloud-config"));
        return new LocalHost(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(), "CLOUDSDK_CONFIG", config.toString(),
                "CLOUDSDK_CORE_DISABLE_PROMPTS", "1"), dir);
    }

    /** What the real gcloud says of a command: "" when it parsed, else gcloud's complaint. */
    private static String judge(LocalHost gcloud, String command) throws Exception {
        ExecResult r = gcloud.exec(ExecRequest.of(command, Duration.ofSeconds(60)));
        String out = r.output();
        if (out.contains("unrecognized arguments") || out.contains("Invalid choice") || out.contains("argument ")
                && out.contains("ERROR: (gcloud")) {
            return out.strip();
        }
        return r.ok() || out.contains(NO_ACCOUNT) ? "" : "neither parsed nor asked for an account: " + out.strip();
    }

    private Set<String> commandsOfTheLab(String type) throws Exception {
        LabCatalog catalog = new LabCatalog(getClass().getClassLoader(), CheckRegistry.standard(Map.of()),
                ActionRegistry.standard(), Path.of("."));
        Lab lab = catalog.load("gke");
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString());
        SessionConfig config = new SessionConfig(dir.resolve("state-" + type), env, "en",
                Map.of("project", "kubelab-class-1", "type", type, "location", "us-central1-a"), Prompter.NONE,
                RunListener.SILENT, CheckRegistry.standard(env), null);
        Set<String> commands = new LinkedHashSet<>();
        try (LabSession s = new LabSession(lab, config, Nodes.localOnly(new LocalNode(new LocalHost(env, dir))))) {
            Render render = s.variables().renderer();
            for (Step step : lab.steps()) {
                for (Action a : step.actions()) {
                    commands.add(a.describe(render));
                    if (a instanceof CreateAction c && c.applies(s.variables()::get)) {
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
                Matcher m = GCLOUD.matcher(step.solution().in("en"));
                while (m.find()) {
                    commands.add(m.group().replaceAll("\\s+#.*$", "").strip());
                }
            }
        }
        // Placeholders (<PROJECT>) are for the learner to fill in; gcloud auth login opens a browser.
        commands.removeIf(c -> !c.contains("gcloud ") || c.contains("<") || c.contains("gcloud auth login"));
        return commands;
    }

    @Test
    void everyGcloudCommandOfTheLabParsesInTheRealGcloud() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcloud")), "the Google Cloud CLI is not installed here");
        LocalHost gcloud = gcloudHost();
        // The judge itself: a flag gcloud does not have is caught.
        String caught = judge(gcloud, "gcloud container clusters create demo --location us-central1-a --master-zones x");
        assertTrue(caught.contains("unrecognized arguments") && caught.contains("--master-zones"), caught);
        List<String> wrong = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        for (String type : List.of("zonal", "multi-zonal", "regional", "autopilot")) {
            all.addAll(commandsOfTheLab(type));
        }
        // Each gcloud start costs about a second of CPU: a few at once.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<String>> said = new ArrayList<>();
            for (String command : all) {
                said.add(pool.submit(() -> judge(gcloud, command)));
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
        assertEquals(List.of(), wrong);
        // Each kind of cluster's create, its describe and delete, get-credentials, the API and the checks.
        assertTrue(all.size() >= 14, "commands judged: " + all);
        assertTrue(all.stream().anyMatch(c -> c.contains("create-auto kubelab")), all.toString());
        assertTrue(all.stream().anyMatch(c -> c.contains("--node-locations")), all.toString());
    }
}
