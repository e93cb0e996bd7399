package dev.outage.audit;

/**
 * Thrown when {@code outage.yml} cannot be read or is not valid; the message starts with
 * {@code file:line:column}. Retrying does not help: the file must be fixed.
 */
public final class WorkspaceConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the file and position. */
    public WorkspaceConfigException(String message) {
        super(message);
    }

    /** Creates the exception with a cause. */
    public WorkspaceConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
