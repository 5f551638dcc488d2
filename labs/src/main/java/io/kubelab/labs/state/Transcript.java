package io.kubelab.labs.state;

import io.kubelab.labs.values.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What lab ran, one JSON object per line: time, step, target, command, exit code, duration,
 * output tail. Every text is redacted before it is written; a line cut short by a crash is
 * simply the last line, and earlier lines stay readable.
 */
public final class Transcript {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final java.util.function.Consumer<String> unwritable;
    private boolean told;

    /** @param unwritable told once, in words, when the transcript cannot be written (the step goes on) */
    public Transcript(Path stateDir, String key, java.util.function.Consumer<String> unwritable) {
        this.file = stateDir.resolve("transcripts").resolve(key + ".jsonl");
        this.unwritable = unwritable;
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

        /** One line of JSON, keys in the order above, in snake_case. */
        byte[] json() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
                g.writeStartObject();
                g.writeStringProperty("time", time.toString());
                g.writeStringProperty("step", step);
                g.writeStringProperty("target", target);
                g.writeStringProperty("command", command);
                g.writeName("exit");
                if (exit == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(exit);
                }
                g.writeNumberProperty("duration_ms", durationMs);
                g.writeStringProperty("outcome", outcome);
                g.writeStringProperty("problem", problem);
                g.writeStringProperty("output_tail", outputTail);
                g.writeEndObject();
            }
            out.write('\n');
            return out.toByteArray();
        }
    }

    public synchronized void append(Entry entry, Redactor redactor) {
        try {
            AtomicFiles.ensurePrivateFile(file);
            Files.write(file, entry.redacted(redactor).json(), StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            // The transcript is a record, not the work: a full disk must not fail the learner's step,
            // but the learner hears once that this record is missing.
            if (!told) {
                told = true;
                unwritable.accept("cannot write the transcript " + file + " (" + e.getMessage()
                        + "); the step goes on, without its record");
            }
        }
    }
}
