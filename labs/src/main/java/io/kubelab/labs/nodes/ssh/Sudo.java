package io.kubelab.labs.nodes.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How one host gets root: not needed (root login), sudo without a password, or sudo with one
 * (kept in memory only, fed to sudo on the command's input, never on its command line).
 */
record Sudo(String prefix, char[] password) {

    static final Sudo PASSWORDLESS = new Sudo("sudo -n ", null);

    static Sudo withPassword(char[] password) {
        return new Sudo("sudo -S -p '' ", password);
    }

    /** Gives sudo -S its password on the command's input; nothing when no password is needed. */
    void feed(OutputStream in) throws IOException {
        if (password != null) {
            in.write((new String(password) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    void forget() {
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
