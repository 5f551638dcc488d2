package io.kubelab.labs.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A lab bundled in the jar, under {@code labs/<id>/} on the class path. */
public record BundledLabFiles(ClassLoader loader, String id) implements LabFiles {

    private String resource(String relativePath) {
        return "labs/" + id + "/" + relativePath;
    }

    @Override
    public Optional<byte[]> bytes(String relativePath, int limit) throws IOException {
        if (relativePath.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(resource(relativePath))) {
            return in == null ? Optional.empty() : Optional.of(in.readNBytes(limit));
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
