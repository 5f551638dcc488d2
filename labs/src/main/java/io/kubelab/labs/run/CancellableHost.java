package io.kubelab.labs.run;

import io.kubelab.checks.host.Cancellation;
import io.kubelab.checks.host.ExecRequest;
import io.kubelab.checks.host.ExecResult;
import io.kubelab.checks.host.Host;
import io.kubelab.checks.host.HostUnreachableException;
import java.io.IOException;
import java.util.List;

/**
 * A host as checks see it while Ctrl-C may come: every command a check runs ends when the
 * learner cancels (its process group on the node, as for actions), and none starts after. Every
 * file the check reads is noted in {@code reads} with its digest, as evidence.
 */
record CancellableHost(Host host, Cancellation cancellation, List<FileDigest> reads) implements Host {

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public String address() {
        return host.address();
    }

    @Override
    public ExecResult exec(ExecRequest request) throws HostUnreachableException {
        if (cancellation.isCancelled()) {
            throw new HostUnreachableException(host.name(), "cancelled", true, null);
        }
        return host.exec(request.withCancellation(cancellation));
    }

    /** A file is read the host's own way (at most 4 MiB, so it ends soon), but not after Ctrl-C. */
    @Override
    public byte[] read(String path) throws IOException, HostUnreachableException {
        if (cancellation.isCancelled()) {
            throw new HostUnreachableException(host.name(), "cancelled", true, null);
        }
        byte[] content = host.read(path);
        reads.add(FileDigest.of(host.name(), path, content));
        return content;
    }
}
