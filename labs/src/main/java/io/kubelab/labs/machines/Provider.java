package io.kubelab.labs.machines;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A way to make practice machines on this computer: systemd-nspawn, multipass or lima. */
public interface Provider {

    /** The word for --provider. */
    String name();

    /** What its machines can carry, in a few lines: which labs run fully, which in part, and why. */
    List<String> carries();

    /** Why it cannot make machines here, with what to do instead; empty when it can. */
    Optional<String> unavailable();

    /**
     * Makes the machines and waits until each answers on SSH.
     *
     * @param publicKey lab's public key, to be let in as root (or as the provider's login user)
     * @param made      told of each machine as soon as it exists (with its address and its host key as
     *                  read from the machine), so one that a later failure leaves behind is recorded too
     * @param say       tells the learner what is happening, one line at a time
     */
    void up(List<Planned> planned, MachineRequest request, Path publicKey, Consumer<Machine> made, Consumer<String> say);

    /** Whether the machine is running now. */
    boolean running(Machine machine);

    /** Stops and removes the machine, leaving nothing of it behind. */
    void down(Machine machine, Consumer<String> say);

    /** Leaves nothing shared behind once no machine of this provider is left (a bridge, a NAT rule). */
    default void cleanUp(Consumer<String> say) {
    }

    /** A machine to make: its name, its place among the machines asked for, and its roles. */
    record Planned(String name, int index, List<String> roles) {
    }
}
