package dev.outage.cli;

/**
 * Ends a command with an exit code and a one-line reason for standard error.
 *
 * <p>Commands throw it for unreadable input (exit 2) or a failed check whose reason is not
 * already printed (exit 1); no stack trace is ever shown for it.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Returns an exception for bad usage or unreadable input: exit code 2. */
    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
