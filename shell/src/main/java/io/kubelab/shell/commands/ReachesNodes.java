package io.kubelab.shell.commands;

/**
 * Marks a command that reaches the learner's nodes, so `lab` can start preparing SSH in the
 * background while the command line is still being read.
 */
public interface ReachesNodes {
}
