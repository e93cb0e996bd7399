package dev.outage.probe;

/** The outcome class of one probe run. */
public enum ProbeStatus {
    /** The target is healthy in every way the probe checked. */
    PASSED,
    /** The target answered, and something it answered is wrong; the result says what. */
    FAILED,
    /** The target did not answer, or not in full, within the probe's timeout. */
    TIMED_OUT,
    /** The probe could not check the target at all (unreachable, tool missing, unreadable input). */
    ERROR;

    /** Returns whether this status lets a restart gate proceed: only {@link #PASSED} does. */
    public boolean passed() {
        return this == PASSED;
    }
}
