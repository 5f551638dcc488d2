package io.kubelab.labs.run;

import io.kubelab.checks.Status;
import io.kubelab.labs.actions.NodeOutcome;
import io.kubelab.labs.state.StepState;
import java.util.List;

/**
 * How running a step ended.
 *
 * @param problem   in words, when it did not end DONE ("node2: exit status 1"); empty otherwise
 * @param commands  how each action ended on each node, in order
 * @param cancelled the learner pressed Ctrl-C
 */
public record StepOutcome(String step, StepState state, String problem, List<NodeOutcome> commands,
                          List<CheckOutcome> checks, boolean cancelled) {

    public StepOutcome {
        commands = List.copyOf(commands);
        checks = List.copyOf(checks);
    }

    static StepOutcome cancelled(String step, List<NodeOutcome> commands) {
        return new StepOutcome(step, StepState.PENDING, "cancelled", commands, List.of(), true);
    }

    static StepOutcome failed(String step, String problem, List<NodeOutcome> commands) {
        return new StepOutcome(step, StepState.FAILED, problem, commands, List.of(), false);
    }

    /** The actions went through; the checks decide. */
    static StepOutcome checked(String step, List<NodeOutcome> commands, List<CheckOutcome> checks) {
        List<String> problems = checks.stream().filter(c -> c.result().status().isProblem()).map(CheckOutcome::check)
                .toList();
        if (problems.isEmpty()) {
            return new StepOutcome(step, StepState.DONE, "", commands, checks, false);
        }
        return new StepOutcome(step, StepState.FAILED, problems.size() + " check" + (problems.size() == 1 ? "" : "s")
                + " did not pass: " + String.join(", ", problems), commands, checks, false);
    }

    /**
     * Nothing failed, but something could not be looked at or reached: a node was unreachable, or no
     * check failed and one could not run.
     */
    public boolean couldNotLook() {
        if (commands.stream().anyMatch(c -> c.result() == NodeOutcome.Result.UNREACHABLE)) {
            return true;
        }
        return !checks.isEmpty() && checks.stream().noneMatch(c -> c.result().status() == Status.FAIL)
                && checks.stream().anyMatch(c -> c.result().status() == Status.ERROR);
    }
}
