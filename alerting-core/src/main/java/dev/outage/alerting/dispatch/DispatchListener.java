package dev.outage.alerting.dispatch;

import dev.outage.alerting.model.Alert;
import dev.outage.alerting.notify.FailureKind;

/**
 * Receives the dispatcher's counts, for example to feed Micrometer or the Prometheus Java client.
 * Every method has an empty default; implementations must be fast and thread-safe, since they
 * are called on the threads that ingest alerts and flush groups, and must not throw.
 *
 * <pre>{@code
 * DispatchListener metrics = new DispatchListener() {
 *     public void notificationFailed(String receiver, String integration, FailureKind kind, String reason) {
 *         registry.counter("outage_notifications_failed_total", "integration", integration, "reason", kind.name()).increment();
 *     }
 * };
 * }</pre>
 */
public interface DispatchListener {

    /** Called for every alert accepted by {@link Dispatcher#receive}. */
    default void alertReceived(Alert alert) {}

    /** Called for an alert that was not accepted, with a short reason such as {@code limit}. */
    default void alertDropped(Alert alert, String reason) {}

    /**
     * Called after a notification was delivered.
     *
     * @param receiver the receiver name
     * @param integration the integration, such as {@code email[0]}
     * @param alerts how many alerts the notification carried
     */
    default void notificationSent(String receiver, String integration, int alerts) {}

    /**
     * Called after a notification failed (after the integration's own retries); the group is
     * tried again at its next flush.
     *
     * @param reason the failure reason, never containing a secret
     */
    default void notificationFailed(String receiver, String integration, FailureKind kind, String reason) {}

    /** Returns a listener that ignores everything. */
    static DispatchListener none() {
        return new DispatchListener() {};
    }
}
