package io.kubelab.shell.context;

import io.kubelab.labs.LabException;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.run.LabSession;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lab a run of `lab` works on: the one named on the OS command line, or the one open in the
 * REPL across lines (reopened when a line gives another inventory).
 */
final class OpenLab {
    private final Function<String, Lab> load;
    private final SessionMaker maker;
    private LabSession session;
    /** How the open lab was named (an id or a folder), to reopen it. */
    private String source;

    /** Makes a session on a lab, on the nodes of the inventory given (else the one remembered for the lab). */
    interface SessionMaker {
        LabSession open(Lab lab, Optional<Path> inventory);

        /** The inventory a lab would open on, given {@code inventory}; empty when it would open none. */
        Optional<Path> inventoryFor(String lab, Optional<Path> inventory);
    }

    OpenLab(Function<String, Lab> load, SessionMaker maker) {
        this.load = load;
        this.maker = maker;
    }

    LabSession session() {
        return session;
    }

    /** Opens a lab (closing the one before), at the step where the learner left off. */
    LabSession open(String idOrPath, Optional<Path> inventory) {
        Lab lab = load.apply(idOrPath);
        if (session != null && session.lab().stateKey().equals(lab.stateKey()) && !changed(inventory)) {
            session.nodes().newCommand();
            return session;
        }
        close();
        session = maker.open(lab, inventory);
        source = idOrPath;
        return session;
    }

    /** The lab a command works on: the open one, or {@code labId} when the command line names one. */
    LabSession sessionFor(String labId, Optional<Path> inventory) {
        if (labId != null) {
            return open(labId, inventory);
        }
        if (session != null) {
            if (changed(inventory)) {
                return open(source, inventory);
            }
            session.nodes().newCommand();
            return session;
        }
        throw LabException.badInput("which lab? name it (e.g. `check minikube`) or `start <lab>` first; `list` shows them");
    }

    /** A line gave another --inventory than the open lab uses: it must be reopened on those nodes. */
    private boolean changed(Optional<Path> inventory) {
        Optional<Path> given = maker.inventoryFor(null, inventory);
        return given.isPresent() && !given.equals(session.nodes().inventoryFile());
    }

    void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
