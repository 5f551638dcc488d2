package io.kubelab.labs.state;

import io.kubelab.labs.LabException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;

/**
 * Progress files, one per lab under {@code <state-dir>/progress/<key>.json}. A change is never a
 * whole snapshot written over the file: it is applied, under a lock, to what is on disk, so two
 * {@code lab} processes on one lab (a REPL in one terminal, {@code lab run} in another) both keep
 * what they did. A damaged file is named, never guessed at; {@link #setAside} moves it out of the way.
 */
public final class ProgressStore {
    private final Path folder;

    public ProgressStore(Path stateDir) {
        this.folder = stateDir.resolve("progress");
    }

    public Path file(String key) {
        return folder.resolve(key + ".json");
    }

    /** A progress file that cannot be read as progress. */
    public static final class Damaged extends LabException {
        private final transient ProgressStore store;
        private final String key;

        Damaged(ProgressStore store, String key, String why) {
            super(Kind.STATE, "progress file " + store.file(key) + " is damaged (" + why + "); `lab reset " + key
                    + " --all --yes` keeps it aside and starts the lab again");
            this.store = store;
            this.key = key;
        }

        /** Moves the damaged file aside; returns where it went. */
        public Path setAside() {
            return store.setAside(key);
        }
    }

    public Optional<Progress> load(String key) {
        Path f = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new LabException(LabException.Kind.STATE, "cannot read progress " + f + ": permission denied; "
                    + "run lab as the user who owns the state folder, or give another with --state-dir");
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot read progress " + f + ": " + e.getMessage(), e);
        }
        Progress p;
        try {
            p = ProgressJson.read(bytes);
        } catch (JacksonException e) {
            throw new Damaged(this, key, e.getOriginalMessage());
        } catch (RuntimeException e) { // a value of the wrong type deep inside
            throw new Damaged(this, key, String.valueOf(e.getMessage()));
        }
        if (p == null || p.lab() == null || p.current() == null) {
            throw new Damaged(this, key, "it has no lab or current step");
        }
        return Optional.of(p);
    }

    /**
     * Applies {@code change} to the progress on disk (or to {@code fresh} when there is none) and
     * writes the result, holding the lab's lock; returns what was written.
     */
    public Progress update(String key, Supplier<Progress> fresh, UnaryOperator<Progress> change) {
        // A change that changes nothing takes no lock and writes nothing (a read-only state folder stays usable).
        Optional<Progress> seen = load(key);
        if (seen.isPresent() && change.apply(seen.get()).sameAs(seen.get())) {
            return seen.get();
        }
        return locked(key, () -> {
            Optional<Progress> before = load(key);
            Progress now = change.apply(before.orElseGet(fresh));
            if (before.isPresent() && now.sameAs(before.get())) {
                return before.get(); // nothing changed: nothing written (a read-only state folder stays usable)
            }
            write(key, now);
            return now;
        });
    }

    /** Forgets a lab's progress (holding its lock). */
    public void delete(String key) {
        locked(key, () -> {
            try {
                Files.deleteIfExists(file(key));
            } catch (IOException e) {
                throw new LabException(LabException.Kind.STATE, "cannot delete " + file(key) + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Moves a (damaged) progress file aside, beside where it was, so nothing is lost. */
    public Path setAside(String key) {
        Path f = file(key);
        Path aside = f.resolveSibling(f.getFileName() + ".damaged-" + Instant.now().toString().replace(':', '-'));
        try {
            Files.move(f, aside, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot move " + f + " aside: " + e.getMessage(), e);
        }
    }

    private void write(String key, Progress p) {
        Path f = file(key);
        try {
            AtomicFiles.write(f, ProgressJson.write(p));
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot write progress " + f + ": " + e.getMessage()
                    + "; is the state folder writable? (--state-dir)", e);
        }
    }

    private <T> T locked(String key, Supplier<T> work) {
        return LockFile.holding(folder.resolve(key + ".lock"), "this lab's progress", work);
    }
}
