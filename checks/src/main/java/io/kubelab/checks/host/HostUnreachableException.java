package io.kubelab.checks.host;

/**
 * The host could not be reached or logged in to. Checks report this as "error", never as "fail".
 * {@link #reached()} tells "answered but refused us" (host key, login, sudo) from "no answer".
 */
public class HostUnreachableException extends Exception {
    private final String host;
    private final String reason;
    private final boolean reached;

    public HostUnreachableException(String host, String reason, boolean reached, Throwable cause) {
        super(host + ": " + reason, cause);
        this.host = host;
        this.reason = reason;
        this.reached = reached;
    }

    public HostUnreachableException(String host, String reason, Throwable cause) {
        this(host, reason, false, cause);
    }

    public HostUnreachableException(String host, String reason) {
        this(host, reason, false, null);
    }

    public String host() {
        return host;
    }

    /** Why, without the host's name (the message is "host: reason"). */
    public String reason() {
        return reason;
    }

    /** The host answered (a TCP and SSH handshake happened) but refused or was refused. */
    public boolean reached() {
        return reached;
    }
}
