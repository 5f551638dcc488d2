package io.kubelab.labs.grade;

import java.nio.file.Path;
import java.util.List;

/**
 * A class to grade: who is in it and how to reach each learner's environment (docs/roster.md).
 *
 * @param passMark the score, in percent, at which a learner has passed
 * @param sha256   the digest of the roster file, for the evidence manifest
 */
public record Roster(Path file, String title, int passMark, List<Learner> learners, String sha256) {

    public Roster {
        learners = List.copyOf(learners);
    }
}
