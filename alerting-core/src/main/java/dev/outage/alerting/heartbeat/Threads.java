package dev.outage.alerting.heartbeat;

/** Stops the background threads of this package. */
final class Threads {

    private static final long JOIN_MILLIS = 5_000;

    private Threads() {}

    /**
     * Interrupts the thread and waits up to five seconds for it to end; does nothing for null.
     * Keeps the caller's interrupt status when the wait itself is interrupted.
     */
    static void interruptAndJoin(Thread thread) {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
