package io.kubelab.shell.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A package repository laid out as pkgs.k8s.io is (REPO/vMINOR/deb/, flat, signed), holding the
 * kubeadm lab's test fixtures as kubeadm, kubelet and kubectl packages: built with dpkg-deb, indexed
 * with apt-ftparchive, signed with a key made for the test, served over HTTP on lab's bridge, so
 * the machines' apt verifies and installs them as it would the real ones. Test code only.
 */
final class AptRepository implements AutoCloseable {
    private final HttpServer server;
    private final String base;

    private AptRepository(HttpServer server, String base) {
        this.server = server;
        this.base = base;
    }

    /** The value for the lab's k8s_repo variable. */
    String base() {
        return base;
    }

    /** @param api the mock API server the fixture kubeadm and kubectl talk to, as the machines reach it */
    static AptRepository serve(Path dir, Path fixtures, String minor, String version, InetAddress bind, String api)
            throws Exception {
        Path root = Files.createDirectories(dir.resolve("repo"));
        Path deb = Files.createDirectories(root.resolve("core:/stable:/v" + minor + "/deb"));
        String unit = """
                [Unit]
                Description=kubelet (kubelab test fixture)

                [Service]
                ExecStart=/usr/bin/kubelet --kubelab-fixture-serve
                Restart=always

                [Install]
                WantedBy=multi-user.target
                """;
        build(dir, deb, fixtures, "kubeadm", version, "python3, openssl", api, Map.of());
        build(dir, deb, fixtures, "kubectl", version, "python3", api, Map.of());
        build(dir, deb, fixtures, "kubelet", version, "", api, Map.of("lib/systemd/system/kubelet.service", unit));
        run(deb, Map.of(), "sh", "-c", "apt-ftparchive packages . > Packages && apt-ftparchive release . > Release");
        Path gnupg = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> gpg = Map.of("GNUPGHOME", gnupg.toString());
        run(deb, gpg, "gpg", "--batch", "--passphrase", "", "--pinentry-mode", "loopback", "--quick-gen-key",
                "kubelab test repository <test@kubelab.invalid>", "ed25519", "sign", "never");
        run(deb, gpg, "sh", "-c", "gpg --batch --armor --export > Release.key && gpg --batch --clearsign -o InRelease Release"
                + " && gpg --batch -abs -o Release.gpg Release");

        HttpServer server = HttpServer.create(new InetSocketAddress(bind, 0), 0);
        server.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new AptRepository(server, "http://" + bind.getHostAddress() + ":" + server.getAddress().getPort()
                + "/core:/stable:");
    }

    /** One fixture as a package: the tool (and the fixture's shared files) under /usr/lib, linked from /usr/bin. */
    private static void build(Path dir, Path repo, Path fixtures, String name, String version, String depends,
                              String api, Map<String, String> extra) throws Exception {
        Path pkg = dir.resolve("pkg-" + name);
        Path lib = Files.createDirectories(pkg.resolve("usr/lib/kubelab-fixture/" + name));
        for (String f : List.of(name, "fixture.py")) {
            Files.copy(fixtures.resolve(f), lib.resolve(f));
        }
        Files.writeString(lib.resolve("fixture.env"), "API=" + api + "\n");
        Files.setPosixFilePermissions(lib.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(pkg.resolve("usr/bin"));
        Files.createSymbolicLink(pkg.resolve("usr/bin/" + name), Path.of("../lib/kubelab-fixture/" + name + "/" + name));
        for (Map.Entry<String, String> e : extra.entrySet()) {
            Files.writeString(Files.createDirectories(pkg.resolve(e.getKey()).getParent()).resolve(
                    pkg.resolve(e.getKey()).getFileName()), e.getValue());
        }
        Files.createDirectories(pkg.resolve("DEBIAN"));
        Files.writeString(pkg.resolve("DEBIAN/control"), "Package: " + name + "\nVersion: " + version
                + "\nArchitecture: all\nMaintainer: kubelab tests <test@kubelab.invalid>\n"
                + (depends.isEmpty() ? "" : "Depends: " + depends + "\n")
                + "Description: " + name + " (kubelab test fixture, not the real " + name + ")\n");
        run(dir, Map.of(), "dpkg-deb", "--root-owner-group", "--build", pkg.toString(),
                repo.resolve(name + "_" + version + "_all.deb").toString());
    }

    private static void run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
