package io.kubelab.labs.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lab as loaded from its lab.yaml and step Markdown.
 *
 * @param stateKey names the lab's progress, transcript and work folder: its id for a bundled lab;
 *                 for a lab loaded from a folder, its id and a digest of the folder, so that a lab
 *                 in a folder never shares state with a bundled lab, or another folder, of that id
 */
public record Lab(String id, int format, Text title, Text summary, Map<String, Variable> variables, List<Step> steps,
                  String source, String stateKey) {

    public static final int FORMAT = 1;

    public Lab {
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The step named {@code id}; when there is none, a LabException that lists the lab's steps. */
    public Step requireStep(String id) {
        return step(id).orElseThrow(() -> io.kubelab.labs.LabException.badInput("lab '" + this.id + "' has no step '"
                + id + "'; its steps are: " + String.join(", ", stepIds())));
    }

    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> stepIds() {
        return steps.stream().map(Step::id).toList();
    }
}
