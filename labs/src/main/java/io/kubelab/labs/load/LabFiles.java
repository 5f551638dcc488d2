package io.kubelab.labs.load;

import java.util.Optional;

/** The files of one lab (lab.yaml and its Markdown), wherever they live: a folder or the bundled jar. */
public interface LabFiles {

    /** The text of a file relative to the lab's folder, if it exists. */
    Optional<String> read(String relativePath);

    /** How to name the file in messages (a path the author can open). */
    String display(String relativePath);

    /** The lab's folder name, which is its id. */
    String folderName();
}
