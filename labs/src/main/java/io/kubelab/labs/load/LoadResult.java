package io.kubelab.labs.load;

import io.kubelab.labs.yaml.Problem;
import java.util.List;
import java.util.Optional;
import io.kubelab.labs.model.Lab;

/** A lab and every problem found while reading it. The lab is absent when any problem is an error. */
public record LoadResult(Optional<Lab> lab, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }
}
