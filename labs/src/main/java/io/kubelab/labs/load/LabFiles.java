package io.kubelab.labs.load;

import java.io.IOException;
import java.util.Optional;

/**
 * The files of one lab (lab.yaml and its Markdown), wherever they live: a folder or the bundled
 * jar. {@link ContentText} turns their bytes into text, and each way that can fail into a problem
 * {@code lab validate} shows at the file.
 */
public interface LabFiles {

    /** The bytes of a file relative to the lab's folder, if it is there; at most {@code limit} bytes are read. */
    Optional<byte[]> bytes(String relativePath, int limit) throws IOException;

    /** How to name the file in messages (a path the author can open). */
    String display(String relativePath);

    /** The lab's folder name, which is its id. */
    String folderName();

    /** What the lab's state is kept under (see {@link io.kubelab.labs.model.Lab#stateKey()}). */
    default String stateKey() {
        return folderName();
    }
}
