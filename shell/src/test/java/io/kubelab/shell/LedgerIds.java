package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the cloud ledger holds, as `lab resources -o json` lists it: the ids, oldest first. */
final class LedgerIds {
    private LedgerIds() {
    }

    static List<String> of(ShellRun lab) throws Exception {
        ShellRun.Result r = lab.run("resources", "-o", "json");
        if (r.exit() != 0) {
            throw new AssertionError("lab resources failed: " + r);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode resource : JsonMapper.builder().build().readTree(r.out()).get("resources")) {
            ids.add(resource.get("id").asString());
        }
        return ids;
    }
}
