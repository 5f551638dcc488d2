package io.kubelab.labs.run;

import io.kubelab.checks.host.ExecResult;
import java.time.Duration;

/**
 * How one command ended on one host, already redacted.
 *
 * @param problem what went wrong in words ("exit status 1", "timed out after 30s", "unreachable: ..."), or empty
 */
public record CommandOutcome(String host, boolean ok, ExecResult.Outcome how, int exitCode, Duration elapsed,
                             String problem, String outputTail) {
}
