package dev.outage.alerting.client;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown when a request to Alertmanager fails: the message names the operation and the
 * target (without user-info or credentials) and says whether a retry can help.
 */
public final class AlertmanagerException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String target;
    private final int status;
    private final boolean retryable;

    /**
     * Creates an exception.
     *
     * @param operation what was attempted, such as {@code GET /api/v2/alerts}
     * @param target the peer's URI without user-info
     * @param status the HTTP status, or 0 when there was no answer
     * @param detail what went wrong, without secrets
     * @param retryable whether a later retry could help
     * @param cause the underlying failure, or null
     */
    public AlertmanagerException(
            String operation, String target, int status, String detail, boolean retryable, Throwable cause) {
        super(
                operation + " at " + target + " failed: " + detail
                        + (retryable ? " (a retry may help)" : " (a retry will not help)"),
                cause);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.target = Objects.requireNonNull(target, "target");
        this.status = status;
        this.retryable = retryable;
    }

    /** Returns the operation, such as {@code GET /api/v2/alerts}. */
    public String operation() {
        return operation;
    }

    /** Returns the peer's URI without user-info. */
    public String target() {
        return target;
    }

    /** Returns the HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Returns whether a later retry could help (connection problems and 5xx answers). */
    public boolean isRetryable() {
        return retryable;
    }
}
