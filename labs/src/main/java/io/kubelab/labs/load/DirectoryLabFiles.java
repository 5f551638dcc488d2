package io.kubelab.labs.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A lab in a folder on disk (an author's work in progress, or `lab validate path`). */
public record DirectoryLabFiles(Path folder) implements LabFiles {

    @Override
    public Optional<String> read(String relativePath) {
        Path p = folder.resolve(relativePath).normalize();
        if (!p.startsWith(folder.normalize()) || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String display(String relativePath) {
        return folder.resolve(relativePath).toString();
    }

    @Override
    public String folderName() {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }
}
