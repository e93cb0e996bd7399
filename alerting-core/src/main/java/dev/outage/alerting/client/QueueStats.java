package dev.outage.alerting.client;

/**
 * Counters of an {@link AlertmanagerClient}'s send queue since it was built.
 *
 * @param queued alerts waiting now
 * @param capacity how many alerts the queue holds
 * @param enqueued alerts accepted by {@code enqueue}
 * @param dropped alerts dropped: the oldest when the queue was full, and those still queued
 *     when {@code close()} ran out of time
 * @param sent alerts in batches that at least one peer accepted
 * @param failed alerts in batches that no peer accepted
 * @param batches batches sent
 */
public record QueueStats(int queued, int capacity, long enqueued, long dropped, long sent, long failed, long batches) {}
