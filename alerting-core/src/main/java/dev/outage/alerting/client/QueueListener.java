package dev.outage.alerting.client;

/**
 * Hears what the send queue of an {@link AlertmanagerClient} does, so that drops and failed
 * batches never go unnoticed. Methods must return quickly and not throw.
 */
public interface QueueListener {

    /**
     * Called when alerts are dropped: the oldest ones when the queue is full (on the thread
     * that called {@code enqueue}), or those left when {@code close()} ran out of time.
     *
     * @param count alerts dropped now
     * @param droppedTotal alerts dropped since the client was built
     */
    default void dropped(int count, long droppedTotal) {}

    /** Called on the sender thread after each batch, whether it succeeded or not. */
    default void sent(SendResult result) {}
}
