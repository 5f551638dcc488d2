package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.testing.ClusterFixtures;
import io.kubelab.checks.testing.MockCluster;
import io.kubelab.labs.run.FileDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `lab grade` on the bundled kubeadm lab's cluster steps, for a class whose clusters are mock API
 * servers: alice done, bob stuck (his control-plane node is not Ready, CoreDNS crash-loops), carol's
 * API unreachable. Every output format is read back by a parser (the HTML page by headless Chromium
 * where it is installed, as on the CI machine), and the exit codes say who is where.
 */
class GradeCommandTest {
    @TempDir
    Path home;
    ShellRun lab;
    MockCluster healthy;
    MockCluster broken;
    Path roster;

    @BeforeEach
    void setUp() throws Exception {
        lab = new ShellRun(home);
        healthy = MockCluster.start();
        ClusterFixtures.healthy(healthy);
        broken = MockCluster.start();
        broken.addNode("cp", false, ClusterFixtures.labels(ClusterFixtures.CONTROL_PLANE, ""));
        broken.addNode("worker-1", true, ClusterFixtures.labels());
        broken.addNode("worker-2", true, ClusterFixtures.labels());
        ClusterFixtures.systemPods(broken, "CrashLoopBackOff");
        flannel(healthy);
        flannel(broken);
        healthy.writeKubeconfig(home.resolve("class/alice.conf"), "alice");
        broken.writeKubeconfig(home.resolve("class/bob.conf"), "bob");
        Files.writeString(home.resolve("class/carol.conf"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                current-context: c
                users: [{name: u, user: {token: t}}]
                """.formatted(closedPort()));
        StringBuilder r = new StringBuilder("title: December class\npass_mark: 80\nlearners:\n");
        for (String id : List.of("alice", "bob", "carol")) {
            // Their nodes as the cluster knows them; no host check runs in these steps.
            r.append("""
                      - id: %1$s
                        name: %2$s
                        kubeconfig: %1$s.conf
                        inventory:
                          all:
                            hosts: {cp: {ansible_host: 192.0.2.10}, worker-1: {ansible_host: 192.0.2.11}, worker-2: {ansible_host: 192.0.2.12}}
                            children:
                              kube_control_plane: {hosts: {cp: }}
                              kube_node: {hosts: {worker-1: , worker-2: }}
                    """.formatted(id, id.equals("bob") ? "Bob, \"the builder\"" : "=Learner " + id));
        }
        roster = Files.writeString(home.resolve("class/roster.yaml"), r.toString());
    }

    /** flannel's ConfigMap as its manifest writes it, with the lab's default pod network. */
    private static void flannel(MockCluster c) {
        c.client().configMaps().inNamespace("kube-flannel").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("kube-flannel-cfg").withNamespace("kube-flannel").endMetadata()
                .addToData("net-conf.json", "{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n")
                .build()).create();
    }

    @AfterEach
    void tearDown() {
        healthy.close();
        broken.close();
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private ShellRun.Result grade(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("grade", "kubeadm", "--roster", roster.toString(),
                "--steps", "network,verify"));
        args.addAll(List.of(more));
        return lab.run(args.toArray(String[]::new));
    }

    @Test
    void theTableShowsWhoIsWhereAndTheExitCodeSaysIt() {
        ShellRun.Result r = grade();
        assertEquals(1, r.exit(), "bob is below the pass mark: " + r);
        String out = r.out();
        assertTrue(out.contains("Lab kubeadm: class grades — December class"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("alice") && l.contains("✓  ✓") && l.contains("(100%)")
                && l.endsWith("passed")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("bob") && l.contains("✗  ✗") && l.contains("(0%)")
                && l.endsWith("below the pass mark")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("carol") && l.contains("?  ?")
                && l.endsWith("could not look at everything")), out);
        assertTrue(out.contains("steps: 1 network · 2 verify"), out);
        assertTrue(out.contains("Pass rates: network 50% (1/2) · verify 50% (1/2)"), out);
        assertTrue(out.contains("stuck at network: bob"), out);
        assertTrue(out.contains("could not look at carol's environment:"), out);
        assertTrue(out.contains("1 passed, 1 below the pass mark, 1 not fully looked at."), out);

        // Without bob, nobody is below the mark, but carol could not be looked at: 3, never 0.
        ShellRun.Result onlyNetwork = lab.run("grade", "kubeadm", "--roster", roster.toString(), "--steps", "network",
                "--parallel", "1");
        assertEquals(1, onlyNetwork.exit(), onlyNetwork.toString());
    }

    @Test
    void everyFormatReadsBack() throws Exception {
        JsonNode json = JsonMapper.builder().build().readTree(grade("-o", "json").out());
        assertEquals("kubeadm", json.get("lab").asString());
        assertEquals(3, json.get("learners").size());
        assertEquals(1, json.get("results").get("passed").asInt());
        assertEquals("below", json.get("learners").get(1).get("result").asString());
        assertEquals("failed", json.get("learners").get(1).get("steps").get(0).get("verdict").asString());
        assertEquals(List.of("bob"), List.of(json.get("stuck").get("network").get(0).asString()));
        assertTrue(json.get("learners").get(0).get("checks").get(0).get("files_read").get(0).get("sha256").asString()
                .matches("[0-9a-f]{64}"), json.toString());

        List<String> csv = grade("-o", "csv").out().lines().toList();
        assertEquals("id,name,network,verify,earned,worth,percent,result", csv.get(0));
        assertEquals("alice,'=Learner alice,passed,passed,2,2,100,passed", csv.get(1), "never a formula");
        assertEquals("bob,\"Bob, \"\"the builder\"\"\",failed,failed,0,2,0,below", csv.get(2));
        assertEquals(4, csv.size());

        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(grade("-o", "junit").out().getBytes()));
        assertEquals(3, junit.getElementsByTagName("testsuite").getLength());
        assertTrue(junit.getElementsByTagName("failure").getLength() > 0);
        assertTrue(junit.getElementsByTagName("error").getLength() > 0, "carol: could not look");

        String html = grade("-o", "html").out();
        assertEquals(3, html.split("<tr class=\"learner\"", -1).length - 1);
        assertTrue(!html.contains("<script src") && !html.contains("<link "), "one file: nothing fetched");
        Path page = Files.writeString(home.resolve("class.html"), html);
        String chromium = List.of("/usr/bin/chromium-headless-shell", "/usr/bin/chromium").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "headless Chromium is not installed (.ci/run installs "
                + "chromium-headless-shell); the page was checked as text only");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                page.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, dom.split("<tr class=\"learner\"", -1).length - 1, dom);
        assertEquals(3, dom.split("<tr class=\"detail\"", -1).length - 1);
        // The browser sorts: by the score column (learner, name, 2 steps, score: column 4), up and down,
        // each learner's detail row moving with it.
        assertEquals(List.of("bob", "carol", "alice"), rowOrder(chromium, page, "#sort=4"));
        assertEquals(List.of("alice", "bob", "carol"), rowOrder(chromium, page, "#sort=4-"));
        assertEquals(List.of("carol", "bob", "alice"), rowOrder(chromium, page, "#sort=0-"));
    }

    /** The learners' ids in the order the page shows them once Chromium ran its script. */
    private static List<String> rowOrder(String chromium, Path page, String fragment) throws Exception {
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                page.toUri() + fragment).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr class=\"(learner|detail)\"(?: id=\"learner-([^\"]+)\")?")
                .matcher(dom);
        List<String> order = new java.util.ArrayList<>();
        String last = "";
        while (m.find()) {
            assertTrue(m.group(1).equals("learner") != last.equals("learner"), "a detail row follows its learner: " + dom);
            last = m.group(1);
            if (m.group(2) != null) {
                order.add(m.group(2));
            }
        }
        return order;
    }

    @Test
    void evidenceNamesEveryFileWithItsDigest() throws Exception {
        Path dir = home.resolve("evidence");
        assertEquals(1, grade("--evidence", dir.toString()).exit());
        JsonNode manifest = JsonMapper.builder().build().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(FileDigest.sha256(Files.readAllBytes(roster)), manifest.get("roster_sha256").asString());
        assertEquals(3, manifest.get("learners").size());
        for (JsonNode entry : manifest.get("learners")) {
            Path file = dir.resolve(entry.get("file").asString());
            assertEquals(entry.get("sha256").asString(), FileDigest.sha256(Files.readAllBytes(file)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        JsonNode alice = JsonMapper.builder().build().readTree(dir.resolve("alice.json").toFile());
        JsonNode check = alice.get("learner").get("checks").get(0);
        assertEquals(home.resolve("class/alice.conf").toString(), check.get("files_read").get(0).get("path").asString());
        assertEquals(FileDigest.sha256(Files.readAllBytes(home.resolve("class/alice.conf"))),
                check.get("files_read").get(0).get("sha256").asString());
        assertTrue(check.get("evidence").asString().startsWith("GET "), check.toString());
    }

    @Test
    void aWatchMarksWhatChangedSinceTheLastRound() throws Exception {
        Path out = home.resolve("watch.out");
        Process watch = lab.start(out, "grade", "kubeadm", "--roster", roster.toString(), "--steps", "network",
                "--watch", "1", "--rounds", "3");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!(Files.exists(out) && Files.readString(out).contains("not fully looked at"))) {
            assertTrue(System.currentTimeMillis() < deadline, "no first round");
            Thread.sleep(50);
        }
        // Bob fixes his cluster between rounds.
        healthy.writeKubeconfig(home.resolve("class/bob.conf"), "bob");
        assertTrue(watch.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(out);
        assertEquals(3, text.split("Lab kubeadm: class grades", -1).length - 1, text);
        String last = text.substring(text.lastIndexOf("Lab kubeadm: class grades"));
        // The round that first saw it marks it; the one after compares with that round and marks nothing.
        assertEquals(1, text.lines().filter(l -> l.startsWith("bob") && l.contains("✓*")).count(), text);
        assertTrue(last.lines().anyMatch(l -> l.startsWith("bob") && l.contains("✓ ")), text);
        assertTrue(last.lines().anyMatch(l -> l.startsWith("alice") && l.contains("✓ ") && !l.contains("*")), text);
        assertEquals(3, watch.exitValue(), "the last round: nobody below the mark, carol not looked at");
    }

    @Test
    void badInputIsOneLine() throws Exception {
        ShellRun.Result noRoster = lab.run("grade", "kubeadm", "--roster", "nope.yaml");
        assertEquals(2, noRoster.exit());
        assertTrue(noRoster.err().contains("cannot read the roster"), noRoster.toString());
        ShellRun.Result steps = grade("--steps", "nope");
        assertTrue(steps.err().contains("has no step 'nope'"), steps.toString());
        ShellRun.Result parallel = lab.run("grade", "kubeadm", "--roster", roster.toString(), "--parallel", "0");
        assertEquals(2, parallel.exit());
        assertTrue(parallel.err().contains("--parallel must be 1 or more"), parallel.toString());
        ShellRun.Result timeout = grade("--check-timeout", "0");
        assertTrue(timeout.exit() == 2 && timeout.err().contains("--check-timeout must be 1 second or more"),
                timeout.toString());
        ShellRun.Result rounds = grade("--rounds", "2");
        assertTrue(rounds.exit() == 2 && rounds.err().contains("--rounds N (1 or more) goes with --watch SECONDS"),
                rounds.toString());
        ShellRun.Result zh = lab.run("grade", "kubeadm", "--roster", "nope.yaml", "--lang", "zh-CN");
        assertTrue(zh.err().contains("无法读取名单："), zh.toString());
        ShellRun.Result watchJson = grade("--watch", "2", "-o", "json");
        assertTrue(watchJson.err().contains("--watch redraws the table"), watchJson.toString());
        Files.writeString(roster, "learners:\n  - id: x\n    kubeconfig: a.conf\n    colour: red\n");
        ShellRun.Result bad = grade();
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("roster.yaml:4:") && bad.err().contains("unknown key 'colour'"), bad.toString());
        assertTrue(!bad.err().contains("Exception"), bad.err());
    }
}
