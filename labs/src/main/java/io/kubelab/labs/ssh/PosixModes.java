package io.kubelab.labs.ssh;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** "0600" to the permissions it means. */
final class PosixModes {
    private PosixModes() {
    }

    static Set<PosixFilePermission> of(String octal) {
        int mode = Integer.parseInt(octal, 8);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                out.add(order[i]);
            }
        }
        return out;
    }
}
