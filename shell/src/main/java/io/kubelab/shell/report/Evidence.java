package io.kubelab.shell.report;

import io.kubelab.labs.LabException;
import io.kubelab.labs.grade.ClassGrade;
import io.kubelab.labs.grade.LearnerGrade;
import io.kubelab.labs.run.FileDigest;
import io.kubelab.labs.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `lab grade --evidence DIR`: one file per learner with every check's result, when it looked,
 * where, and the SHA-256 of each file it read; and a manifest naming the lab, the roster (with its
 * digest) and each learner's file with its digest. Each file is written whole or not at all, owner
 * only: what checks observed can describe a learner's machine.
 */
public final class Evidence {
    private Evidence() {
    }

    /** A learner's file: the lab, the round, and their grade with every check. */
    public record LearnerFile(String lab, String roundAt, int passMark, GradeViews.Learner learner) {
    }

    public record Manifest(String lab, String roster, String rosterSha256, String at, List<Entry> learners) {
    }

    /** @param sha256 of the learner's file as written */
    public record Entry(String id, String file, String sha256, String result, int percent) {
    }

    /** Writes the evidence of one round into {@code dir}; returns the manifest's path. */
    public static Path write(ClassGrade g, Path dir) {
        try {
            AtomicFiles.ensurePrivateDirectory(dir);
            List<Entry> entries = new ArrayList<>();
            for (LearnerGrade l : g.learners()) {
                GradeViews.Learner view = GradeViews.Learner.of(l, g.roster().passMark());
                byte[] bytes = (Json.write(new LearnerFile(g.lab(), g.at().toString(), g.roster().passMark(), view))
                        + "\n").getBytes(StandardCharsets.UTF_8);
                String name = l.learner().id() + ".json"; // ids are file-safe: the roster reader makes sure
                AtomicFiles.write(dir.resolve(name), bytes);
                entries.add(new Entry(l.learner().id(), name, FileDigest.sha256(bytes), view.result(), view.percent()));
            }
            Path manifest = dir.resolve("manifest.json");
            AtomicFiles.write(manifest, (Json.write(new Manifest(g.lab(), g.roster().file().toString(),
                    g.roster().sha256(), g.at().toString(), entries)) + "\n").getBytes(StandardCharsets.UTF_8));
            return manifest;
        } catch (IOException e) {
            throw LabException.badInput("cannot write evidence into " + dir + ": " + e.getMessage()
                    + "; give a folder you can write with --evidence DIR");
        }
    }
}
