package dev.outage.cli;

/** The exit codes every outage command uses. */
final class ExitCodes {

    /** Everything checked is fine. */
    static final int OK = 0;

    /** A check failed, or findings reached the threshold. */
    static final int FAILED = 1;

    /** Bad usage or unreadable input. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
