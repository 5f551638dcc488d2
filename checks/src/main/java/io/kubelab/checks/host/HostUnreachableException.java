package io.kubelab.checks.host;

/** The host could not be reached or logged in to. Checks report this as "error", never as "fail". */
public class HostUnreachableException extends Exception {
    private final String host;

    public HostUnreachableException(String host, String reason, Throwable cause) {
        super(host + ": " + reason, cause);
        this.host = host;
    }

    public HostUnreachableException(String host, String reason) {
        this(host, reason, null);
    }

    public String host() {
        return host;
    }
}
