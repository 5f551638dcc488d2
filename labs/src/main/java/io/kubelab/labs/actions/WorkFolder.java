package io.kubelab.labs.actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files a lab writes on this machine stay in the lab's work folder. A destination on this machine
 * is relative to that folder ({@code admin.conf}) or written under {@code {{lab.workdir}}}; one that
 * leaves it — an absolute path, {@code ..}, or a symbolic link inside the folder that points out —
 * is refused: by {@code lab validate} where the text shows it, and again when the path is known.
 * (Files on nodes are written where the lab says, often /etc: configuring nodes is the point.)
 */
final class WorkFolder {
    private static final Pattern UNDER_WORKDIR = Pattern.compile("^\\{\\{\\s*lab\\.workdir\\s*}}(/.*)?$");

    private WorkFolder() {
    }

    /** What is wrong with a destination on this machine as written, if the text shows it. */
    static Optional<String> problem(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String w = written.strip();
        boolean underWorkdir = UNDER_WORKDIR.matcher(w).matches();
        if (!underWorkdir && (w.startsWith("/") || w.startsWith("~"))) {
            return Optional.of("a file lab writes on this machine goes in the lab's work folder: write it relative "
                    + "(admin.conf) or as {{lab.workdir}}/admin.conf, not " + w);
        }
        if (Arrays.asList(w.split("/")).contains("..")) {
            return Optional.of("'..' in " + w + " would leave the lab's work folder; name a file inside it");
        }
        return Optional.empty();
    }

    /**
     * The path a rendered destination names, after checking that it is inside the work folder and
     * that no folder on the way is a symbolic link (which could lead out). Its folders are made.
     */
    static Path resolve(String rendered, Path workFolder) throws IOException {
        Path root = workFolder.toAbsolutePath().normalize();
        Path p = root.resolve(rendered).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IOException(rendered + " is outside the lab's work folder " + root
                    + "; a file lab writes on this machine goes there");
        }
        io.kubelab.labs.state.AtomicFiles.ensurePrivateDirectory(root);
        Path at = root;
        for (Path part : root.relativize(p.getParent() == null ? root : p.getParent())) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                throw new IOException(at + " is a symbolic link; lab writes only to real folders inside the lab's "
                        + "work folder (" + root + ")");
            }
        }
        Files.createDirectories(p.getParent());
        return p;
    }
}
