package io.kubelab.labs.load;

import io.kubelab.labs.LabException;
import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.BundledLabFiles;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.model.Lab;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The labs lab knows: those bundled in the jar (listed in labs/index.txt, which the build
 * checks against the folders) and any lab folder given by path.
 */
public final class LabCatalog {
    static final String INDEX = "labs/index.txt";
    private final ClassLoader loader;
    private final LabLoader labLoader;
    private final Path workingDirectory;

    /** @param workingDirectory what relative lab paths are relative to */
    public LabCatalog(ClassLoader loader, CheckRegistry checks, ActionRegistry actions, Path workingDirectory) {
        this.loader = loader;
        this.labLoader = new LabLoader(checks, actions);
        this.workingDirectory = workingDirectory;
    }

    /** The ids of the bundled labs, in the order of the book's chapter. */
    public List<String> bundledIds() {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a lab named by the learner lives: a bundled id, or a folder holding lab.yaml. */
    public LabFiles locate(String idOrPath) {
        if (bundledIds().contains(idOrPath)) {
            return new BundledLabFiles(loader, idOrPath);
        }
        Path given = Path.of(idOrPath);
        Path p = workingDirectory.resolve(given);
        if (Files.isRegularFile(p) && p.getFileName().toString().equals(LabLoader.MANIFEST)) {
            p = p.getParent();
            given = given.getParent() == null ? Path.of(".") : given.getParent();
        }
        if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(LabLoader.MANIFEST))) {
            return new DirectoryLabFiles(p, given);
        }
        throw LabException.badInput("no lab '" + idOrPath + "'; `lab list` shows the labs ("
                + String.join(", ", bundledIds()) + "), or give the folder of a lab.yaml");
    }

    public LoadResult read(LabFiles files) {
        return labLoader.load(files);
    }

    /** Loads a lab, refusing it with its first error when its content is invalid. */
    public Lab load(String idOrPath) {
        LoadResult r = read(locate(idOrPath));
        if (r.hasErrors()) {
            throw new LabException(LabException.Kind.BAD_CONTENT, r.errors().get(0) + (r.errors().size() > 1
                    ? " (and " + (r.errors().size() - 1) + " more; `lab validate` lists them)" : ""));
        }
        return r.lab().orElseThrow();
    }
}
