package io.kubelab.labs.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A lab bundled in the jar, under {@code labs/<id>/} on the class path. */
public record BundledLabFiles(ClassLoader loader, String id) implements LabFiles {

    private String resource(String relativePath) {
        return "labs/" + id + "/" + relativePath;
    }

    @Override
    public Optional<String> read(String relativePath) {
        if (relativePath.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(resource(relativePath))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String display(String relativePath) {
        return "content/src/main/resources/" + resource(relativePath);
    }

    @Override
    public String folderName() {
        return id;
    }
}
