package io.kubelab.labs.actions;

import io.kubelab.checks.Say;
import io.kubelab.checks.host.OutputListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an ansible-playbook run is doing, read from Ansible's machine-readable callback
 * (ansible.posix.jsonl: one JSON event per line), told in lines a learner can follow through a
 * 30-minute kubespray run: each play, each task with a bar of tasks done out of the listing's total
 * and the time so far, each host a task failed or could not reach, and at the end the recap per host.
 * A line that is not an event (a warning on stderr, another callback's text) passes through as it is.
 */
final class PlaybookProgress implements OutputListener {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BAR = 20;

    /** One host's failure: where and why. */
    record Failure(String host, String task, String message, boolean unreachable) {
    }

    /** One host's recap, as Ansible counts it. */
    record Recap(String host, int ok, int changed, int unreachable, int failed, int skipped) {
        boolean bad() {
            return unreachable > 0 || failed > 0;
        }
    }

    private final OutputListener out;
    /** Its own lines in the learner's language; Ansible's words (task names, messages, the recap's counters) as they are. */
    private final Say say;
    private final int plays;
    private final int tasks;
    private final Instant started = Instant.now();
    private final Set<String> tasksSeen = new LinkedHashSet<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, Recap> recap = new LinkedHashMap<>();
    private final List<String> said = new ArrayList<>();
    private int play;

    /**
     * @param plays how many plays the playbook lists (--list-tasks), 0 when unknown
     * @param tasks how many tasks it lists: roles that include tasks as they run may add more
     */
    PlaybookProgress(OutputListener out, Say say, int plays, int tasks) {
        this.out = out;
        this.say = say;
        this.plays = plays;
        this.tasks = tasks;
    }

    @Override
    public void line(Stream stream, String line) {
        JsonNode event = stream == Stream.STDOUT ? event(line) : null;
        if (event == null) {
            tell(stream, line);
            return;
        }
        switch (event.path("_event").asString("")) {
            case "v2_playbook_on_play_start" -> {
                play++;
                tell(Stream.STDOUT, plays > 0 ? say.t("PLAY [{0}/{1}] {2}", play, plays, name(event.path("play")))
                        : say.t("PLAY {0}", name(event.path("play"))));
            }
            case "v2_playbook_on_task_start", "v2_playbook_on_handler_task_start", "v2_runner_on_start" -> {
                String id = event.path("task").path("id").asString("");
                if (tasksSeen.add(id)) {
                    tell(Stream.STDOUT, bar() + "  " + name(event.path("task")));
                }
            }
            case "v2_runner_on_failed", "v2_runner_on_unreachable" -> {
                boolean unreachable = event.path("_event").asString().endsWith("unreachable");
                for (Map.Entry<String, JsonNode> h : event.path("hosts").properties()) {
                    Failure f = new Failure(h.getKey(), name(event.path("task")), message(h.getValue()), unreachable);
                    failures.add(f);
                    tell(Stream.STDOUT, "  ✗ " + (unreachable ? say.t("{0} unreachable: {1}", f.host(), f.message())
                            : say.t("{0}: {1}", f.host(), f.message())));
                }
            }
            case "v2_playbook_on_stats" -> {
                for (Map.Entry<String, JsonNode> h : event.path("stats").properties()) {
                    JsonNode s = h.getValue();
                    recap.put(h.getKey(), new Recap(h.getKey(), s.path("ok").asInt(), s.path("changed").asInt(),
                            s.path("unreachable").asInt(), s.path("failures").asInt(), s.path("skipped").asInt()));
                }
                tell(Stream.STDOUT, say.t("RECAP after {0}", clock(Duration.between(started, Instant.now()))));
                recap.values().forEach(r -> tell(Stream.STDOUT, String.format("  %-16s ok=%d changed=%d unreachable=%d "
                        + "failed=%d skipped=%d", r.host(), r.ok(), r.changed(), r.unreachable(), r.failed(), r.skipped())));
            }
            default -> {
                // ok and skipped results: counted in the recap, not worth a line each
            }
        }
    }

    @Override
    public void pause() {
        out.pause();
    }

    /** "▓▓▓▓░░░░ 45/312 tasks · play 3/9 · 4m05s" */
    String bar() {
        int done = tasksSeen.size();
        int filled = tasks <= 0 ? 0 : Math.min(BAR, done * BAR / tasks);
        return "▓".repeat(filled) + "░".repeat(BAR - filled) + " " + say.t("{0} tasks · play {1} · {2}",
                done + (tasks > 0 ? "/" + Math.max(done, tasks) : ""), play + (plays > 0 ? "/" + plays : ""),
                clock(Duration.between(started, Instant.now())));
    }

    /** Why the run failed, in one line: the first host that failed or could not be reached, and where. */
    String problem() {
        List<Failure> hard = failures.stream().filter(f -> recap.isEmpty() || recap.containsKey(f.host())
                && recap.get(f.host()).bad()).toList();
        if (hard.isEmpty()) {
            return "";
        }
        Failure f = hard.get(0);
        String more = hard.size() > 1 ? " (and " + (hard.size() - 1) + " more)" : "";
        return f.unreachable() ? f.host() + " unreachable at task '" + f.task() + "': " + f.message() + more
                : "failed on " + f.host() + " at task '" + f.task() + "': " + f.message() + more;
    }

    List<Recap> recap() {
        return List.copyOf(recap.values());
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Every line said, for the transcript. */
    String said() {
        return String.join("\n", said);
    }

    private void tell(Stream stream, String line) {
        said.add(line);
        out.line(stream, line);
    }

    private static JsonNode event(String line) {
        String l = line.strip();
        if (!l.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(l);
            return n.has("_event") ? n : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private String name(JsonNode n) {
        String name = n.path("name").asString("");
        return name.isBlank() ? say.t("(unnamed)") : name;
    }

    /**
     * Ansible's own words for a failure: its msg, or — where that only says a command failed
     * ("non-zero return code") — the last line the command wrote to stderr.
     */
    private static String message(JsonNode result) {
        boolean commandFailed = result.path("msg").asString("").equals("non-zero return code");
        List<String> order = commandFailed ? List.of("stderr", "stdout", "msg")
                : List.of("msg", "stderr", "module_stderr", "module_stdout", "reason");
        for (String key : order) {
            String v = result.path(key).asString("").strip();
            if (!v.isEmpty()) {
                List<String> lines = v.lines().filter(s -> !s.isBlank()).toList();
                return lines.isEmpty() ? v : lines.get(lines.size() - 1).strip();
            }
        }
        return "failed";
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }
}
