package io.kubelab.labs.yaml;

import io.kubelab.labs.LabException;
import java.util.List;

/** A file lab cannot use (an inventory, a roster); every problem is listed, one line each with file:line. */
public class InvalidFileException extends LabException {
    private final List<Problem> problems;

    public InvalidFileException(List<Problem> problems) {
        super(Kind.BAD_INPUT, String.join("\n", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
