package io.kubelab.shell;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.LabCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The bundled labs' ids in the chapter's order, as lab itself reads them (for messages that list them). */
final class Bundled {
    private Bundled() {
    }

    static List<String> ids() {
        return new LabCatalog(Bundled.class.getClassLoader(), CheckRegistry.standard(Map.of()), ActionRegistry.standard(),
                Path.of(".")).bundledIds();
    }
}
