package io.kubelab.labs.machines;

import io.kubelab.labs.LabException;

/**
 * What `lab machines up` was asked for.
 *
 * @param count         how many machines in all
 * @param controlPlanes how many of them run the control plane and etcd (the first ones)
 * @param cpus          CPUs each may use (a VM's size; nspawn machines share the host's)
 * @param memoryMb      memory each may use, in MB
 */
public record MachineRequest(int count, int controlPlanes, int cpus, int memoryMb) {

    public static final int MAX = 30;

    public MachineRequest {
        if (count < 1 || count > MAX) {
            throw LabException.badInput("lab makes between 1 and " + MAX + " machines, not " + count);
        }
        if (controlPlanes < 1 || controlPlanes > count) {
            throw LabException.badInput("--control-planes must be between 1 and " + count + ", not " + controlPlanes);
        }
    }
}
