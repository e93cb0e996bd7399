package dev.outage.audit;

/**
 * Thrown when an audit cannot run at all: a root or the activate script cannot be read, or
 * {@code outage.yml} is invalid. Problems inside audited files are findings, never this.
 */
public final class AuditException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the operation and the file. */
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
