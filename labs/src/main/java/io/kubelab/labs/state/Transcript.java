package io.kubelab.labs.state;

import io.kubelab.labs.values.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * What lab ran, one JSON object per line: time, step, target, command, exit code, duration,
 * output tail. Every text is redacted before it is written; a line cut short by a crash is
 * simply the last line, and earlier lines stay readable.
 */
public final class Transcript {
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
    private final Path file;

    public Transcript(Path stateDir, String lab) {
        this.file = stateDir.resolve("transcripts").resolve(lab + ".jsonl");
    }

    public Path file() {
        return file;
    }

    /**
     * One line of the transcript; its components, in snake_case, are the line's keys.
     *
     * @param exit    the command's exit status; null when it had none (a copy, a timeout, no connection)
     * @param outcome what happened: done, skipped, failed, timed_out, cancelled or unreachable
     * @param problem what went wrong in words, or empty
     */
    public record Entry(Instant time, String step, String target, String command, Integer exit, long durationMs,
                        String outcome, String problem, String outputTail) {

        Entry redacted(Redactor r) {
            return new Entry(time, step, target, r.redact(command), exit, durationMs, outcome, r.redact(problem),
                    r.redact(outputTail));
        }
    }

    public synchronized void append(Entry entry, Redactor redactor) {
        try {
            AtomicFiles.ensurePrivateFile(file);
            Files.write(file, (JSON.writeValueAsString(entry.redacted(redactor)) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            // The transcript is a record, not the work: a full disk must not fail the learner's step.
        }
    }
}
