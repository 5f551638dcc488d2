package io.kubelab.labs.state;

import io.kubelab.labs.values.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What lab ran, one JSON object per line: time, step, target, command, exit code, duration,
 * output tail. Every text is redacted before it is written; a line cut short by a crash is
 * simply the last line, and earlier lines stay readable.
 */
public final class Transcript {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path file;

    public Transcript(Path stateDir, String lab) {
        this.file = stateDir.resolve("transcripts").resolve(lab + ".jsonl");
    }

    public Path file() {
        return file;
    }

    /**
     * @param outcome what happened: done, skipped, failed, timed_out, cancelled or unreachable
     * @param problem what went wrong in words, or empty
     */
    public record Entry(Instant time, String step, String target, String command, Integer exitCode, long durationMs,
                        String outcome, String problem, String outputTail) {
    }

    public synchronized void append(Entry entry, Redactor redactor) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", entry.time().toString());
        line.put("step", entry.step());
        line.put("target", entry.target());
        line.put("command", redactor.redact(entry.command()));
        line.put("exit", entry.exitCode());
        line.put("duration_ms", entry.durationMs());
        line.put("outcome", entry.outcome());
        line.put("problem", redactor.redact(entry.problem()));
        line.put("output_tail", redactor.redact(entry.outputTail()));
        try {
            AtomicFiles.ensurePrivateFile(file);
            Files.write(file, (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            // The transcript is a record, not the work: a full disk must not fail the learner's step.
        }
    }
}
