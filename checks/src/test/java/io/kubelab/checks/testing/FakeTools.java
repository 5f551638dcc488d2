package io.kubelab.checks.testing;

import io.kubelab.checks.host.LocalHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * A folder of test-fixture commands (stand-ins for tools that cannot run here, printing what the
 * real ones print) put first on PATH, and a LocalHost that sees them.
 */
public final class FakeTools {
    private final Path bin;

    public FakeTools(Path folder) throws IOException {
        this.bin = Files.createDirectories(folder.resolve("bin"));
    }

    /** Adds an executable script named {@code name} with the given bash body. */
    public FakeTools script(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    public Path bin() {
        return bin;
    }

    /** PATH with the fixtures first, then only the system folders (so the developer's own tools do not leak in). */
    public String path() {
        return bin + ":/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
    }

    public Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", path());
        env.put("HOME", bin.getParent().toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(extra);
        return env;
    }

    public LocalHost host() {
        return new LocalHost(env(Map.of()), bin.getParent());
    }
}
