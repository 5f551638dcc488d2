package io.kubelab.labs.run;

import io.kubelab.labs.state.StepState;
import java.util.List;

/**
 * How running a step ended.
 *
 * @param problem in words, when it did not end DONE ("node2: exit status 1"); empty otherwise
 * @param cancelled the learner pressed Ctrl-C
 */
public record StepOutcome(String step, StepState state, String problem, List<CommandOutcome> commands,
                          List<CheckOutcome> checks, boolean cancelled) {

    public StepOutcome {
        commands = List.copyOf(commands);
        checks = List.copyOf(checks);
    }
}
