package io.kubelab.labs.nodes.inventory;

import io.kubelab.labs.yaml.InvalidFileException;
import io.kubelab.labs.yaml.Problem;
import java.util.List;

/** An inventory that cannot be used; every problem is listed, one line each with file:line. */
public class InventoryException extends InvalidFileException {

    public InventoryException(List<Problem> problems) {
        super(problems);
    }
}
