package io.kubelab.labs.model;

import io.kubelab.labs.yaml.Location;

/**
 * Something a step does to the learner's environment, on a target: "local", a host, or a host
 * group of the inventory. New kinds (file copies, fetches) are new records here.
 */
public sealed interface Action permits RunAction, CopyAction, FetchAction {

    /** Where it runs: "local", a host name, or a group name. */
    String on();

    Location location();
}
