package io.kubelab.labs.run;

import io.kubelab.checks.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every check result of a lab (or of one step), with counts per status. */
public record CheckReport(String lab, List<CheckOutcome> results) {

    public CheckReport {
        results = List.copyOf(results);
    }

    public Map<Status, Integer> summary() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        results.forEach(r -> counts.merge(r.result().status(), 1, Integer::sum));
        return counts;
    }

    public boolean anyFailed() {
        return results.stream().anyMatch(r -> r.result().status() == Status.FAIL);
    }

    public boolean anyError() {
        return results.stream().anyMatch(r -> r.result().status() == Status.ERROR);
    }
}
