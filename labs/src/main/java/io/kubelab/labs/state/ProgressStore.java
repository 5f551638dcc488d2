package io.kubelab.labs.state;

import io.kubelab.labs.LabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/** Progress files, one per lab under {@code <state-dir>/progress/}, written atomically at every change. */
public final class ProgressStore {
    private final Path folder;

    public ProgressStore(Path stateDir) {
        this.folder = stateDir.resolve("progress");
    }

    public Path file(String lab) {
        return folder.resolve(lab + ".json");
    }

    public Optional<Progress> load(String lab) {
        Path f = file(lab);
        try {
            return Optional.of(ProgressJson.read(Files.readAllBytes(f)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot read progress " + f + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new LabException(LabException.Kind.STATE, "progress file " + f + " is damaged ("
                    + e.getOriginalMessage() + "); move it away or run `lab reset --all --yes` to start the lab again", e);
        }
    }

    public void save(Progress progress) {
        Path f = file(progress.lab());
        try {
            AtomicFiles.write(f, ProgressJson.write(progress));
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot write progress " + f + ": " + e.getMessage()
                    + "; is the state folder writable? (--state-dir)", e);
        }
    }

    public void delete(String lab) {
        try {
            Files.deleteIfExists(file(lab));
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot delete " + file(lab) + ": " + e.getMessage(), e);
        }
    }
}
