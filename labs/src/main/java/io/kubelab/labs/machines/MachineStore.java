package io.kubelab.labs.machines;

import io.kubelab.labs.LabException;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The machines lab made, kept in a file (written atomically) so `list` and `down` find them in a later run. */
final class MachineStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path file;

    MachineStore(Path file) {
        this.file = file;
    }

    List<Machine> load() {
        try {
            return Arrays.asList(JSON.readValue(Files.readAllBytes(file), Machine[].class));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | JacksonException e) {
            throw new LabException(LabException.Kind.STATE, "cannot read " + file + " (" + e.getMessage()
                    + "); remove the machines by hand (see its folder) and the file", e);
        }
    }

    void save(List<Machine> machines) {
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(machines));
        } catch (IOException e) {
            throw new LabException(LabException.Kind.STATE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
