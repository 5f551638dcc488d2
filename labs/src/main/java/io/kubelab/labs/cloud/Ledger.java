package io.kubelab.labs.cloud;

import io.kubelab.labs.LabException;
import io.kubelab.labs.state.AtomicFiles;
import io.kubelab.labs.state.LockFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cloud resources lab has created, or was about to create, and has not yet seen deleted:
 * {@code <state-dir>/cloud/resources.json}, shared by every lab. A resource is recorded before its
 * create command runs, so a create killed halfway is still on record, and leaves the ledger only
 * once its describe command has said it is gone. Every change is made under a lock and written
 * atomically; two lab processes never lose each other's records.
 */
public final class Ledger {
    private final Path file;

    /**
     * Made on first use: every lab command that opens a lab makes a Ledger, and most find no ledger
     * file; the mapper's set-up would cost each of them start-up time for nothing.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    public Ledger(Path stateDir) {
        this.file = stateDir.resolve("cloud").resolve("resources.json");
    }

    public Path file() {
        return file;
    }

    /** Every resource on record, oldest first. */
    public List<CloudResource> all() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot read the cloud ledger " + file + ": " + e.getMessage(), e);
        }
        try {
            List<CloudResource> out = new ArrayList<>();
            for (JsonNode n : Json.MAPPER.readTree(bytes).path("resources")) {
                out.add(read(n));
            }
            return List.copyOf(out);
        } catch (RuntimeException e) { // JacksonException, or a field of the wrong kind
            // Never guessed at, never written over: it is the only list of what is billing the learner.
            String why = e instanceof tools.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new LabException(LabException.Kind.STATE, "the cloud ledger " + file + " is damaged ("
                    + String.valueOf(why).lines().findFirst().orElse("")
                    + "); it lists what lab created in your cloud accounts: read it, delete what it names by hand, "
                    + "then move it away");
        }
    }

    /** The resources one lab has on record. */
    public List<CloudResource> of(String lab) {
        return all().stream().filter(r -> r.lab().equals(lab)).toList();
    }

    /** Records a resource (before it is created); one already on record keeps the time it was first recorded. */
    public void record(CloudResource r) {
        change(list -> {
            List<CloudResource> out = new ArrayList<>();
            Instant since = r.since();
            for (CloudResource old : list) {
                if (old.id().equals(r.id())) {
                    since = old.since();
                } else {
                    out.add(old);
                }
            }
            out.add(new CloudResource(r.lab(), r.provider(), r.kind(), r.name(), r.where(), r.group(), r.account(),
                    since, r.perHour(), r.priced(), r.delete(), r.describe(), r.notFound()));
            return out;
        });
    }

    /** Takes a resource off the record (it is gone, or the learner deleted it by hand and says so). */
    public boolean remove(String id) {
        boolean[] removed = {false};
        change(list -> {
            List<CloudResource> out = list.stream().filter(r -> !r.id().equals(id)).toList();
            removed[0] = out.size() != list.size();
            return out;
        });
        return removed[0];
    }

    private void change(UnaryOperator<List<CloudResource>> change) {
        LockFile.holding(file.resolveSibling("resources.lock"), "the cloud ledger", () -> {
            List<CloudResource> now = change.apply(all());
            write(now);
            return null;
        });
    }

    private void write(List<CloudResource> resources) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", 1);
        ArrayNode list = root.putArray("resources");
        for (CloudResource r : resources) {
            ObjectNode n = list.addObject();
            n.put("lab", r.lab());
            n.put("provider", r.provider());
            n.put("kind", r.kind());
            n.put("name", r.name());
            n.put("where", r.where());
            n.put("group", r.group());
            n.put("account", r.account());
            n.put("since", r.since().toString());
            n.put("perHour", r.perHour().toPlainString());
            n.put("priced", r.priced());
            n.put("delete", r.delete());
            n.put("describe", r.describe());
            n.put("notFound", r.notFound());
        }
        try {
            AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot write the cloud ledger " + file + ": " + e.getMessage()
                    + "; is the state folder writable? (--state-dir)", e);
        }
    }

    private static CloudResource read(JsonNode n) {
        return new CloudResource(text(n, "lab"), text(n, "provider"), text(n, "kind"), text(n, "name"), text(n, "where"),
                n.path("group").asString(""), n.path("account").asString(""), Instant.parse(text(n, "since")),
                new BigDecimal(text(n, "perHour")), n.path("priced").asString(""), text(n, "delete"), text(n, "describe"),
                text(n, "notFound"));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException("a resource without " + key);
        }
        return v.asString();
    }
}
