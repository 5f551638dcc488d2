package io.kubelab.labs.nodes.inventory;

import io.kubelab.labs.LabException;
import io.kubelab.labs.yaml.Problem;
import java.util.List;

/** An inventory that cannot be used; every problem is listed, one line each with file:line. */
public class InventoryException extends LabException {
    private final List<Problem> problems;

    public InventoryException(List<Problem> problems) {
        super(Kind.BAD_INPUT, String.join("\n", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
