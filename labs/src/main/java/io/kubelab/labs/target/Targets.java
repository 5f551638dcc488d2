package io.kubelab.labs.target;

import io.kubelab.checks.host.Host;
import java.util.List;

/**
 * Resolves the {@code on:} of an action or check to the hosts it means: "local", a host name, or
 * a group of the learner's inventory.
 */
public interface Targets extends AutoCloseable {

    String LOCAL = "local";

    /** The hosts {@code on} names, in inventory order; throws a LabException when it names nothing known. */
    List<Host> resolve(String on);

    /** Every name {@code on:} may use here (for completion and messages). */
    List<String> names();

    @Override
    void close();
}
