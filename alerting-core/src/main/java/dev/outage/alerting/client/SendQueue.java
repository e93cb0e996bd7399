package dev.outage.alerting.client;

import dev.outage.alerting.model.Alert;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded send queue of an {@link AlertmanagerClient} and its sender thread: the oldest
 * alerts are dropped when it is full, and {@link #close()} drains it until a deadline.
 */
final class SendQueue {

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerClient.class);

    private final Function<List<Alert>, SendResult> sender;
    private final Runnable abortInFlight;
    private final int capacity;
    private final int batchSize;
    private final Duration drainTimeout;
    private final QueueListener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Alert> alerts = new ArrayDeque<>();
    private Thread senderThread;
    private boolean closed;
    private boolean abandoned;
    private long enqueued;
    private long dropped;
    private long sent;
    private long failed;
    private long batches;

    SendQueue(
            int capacity,
            int batchSize,
            Duration drainTimeout,
            QueueListener listener,
            Function<List<Alert>, SendResult> sender,
            Runnable abortInFlight) {
        this.sender = sender;
        this.abortInFlight = abortInFlight;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.drainTimeout = drainTimeout;
        this.listener = listener;
    }

    void requireOpen() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the Alertmanager client is closed");
            }
        } finally {
            lock.unlock();
        }
    }

    void add(List<Alert> added) {
        int droppedNow = 0;
        long droppedTotal;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the Alertmanager client is closed");
            }
            for (Alert alert : added) {
                if (alerts.size() == capacity) {
                    alerts.pollFirst();
                    droppedNow++;
                }
                alerts.addLast(alert);
            }
            enqueued += added.size();
            dropped += droppedNow;
            droppedTotal = dropped;
            startSender();
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        if (droppedNow > 0) {
            // One line when the total reaches 1, 2, 4, 8, ...: visible, but no flood while full.
            if (Long.highestOneBit(droppedTotal) != Long.highestOneBit(droppedTotal - droppedNow)) {
                LOG.warn(
                        "Alertmanager send queue full ({} alerts): {} oldest alerts dropped so far",
                        capacity,
                        droppedTotal);
            }
            listener.dropped(droppedNow, droppedTotal);
        }
    }

    private void startSender() {
        if (senderThread == null) {
            senderThread = new Thread(this::run, "outage-alertmanager-sender");
            senderThread.setDaemon(true);
            senderThread.start();
        }
    }

    private void run() {
        List<Alert> batch;
        while ((batch = take()) != null) {
            SendResult result;
            try {
                result = sender.apply(batch);
            } catch (RuntimeException e) {
                result = new SendResult(
                        batch.size(),
                        List.of(new PeerOutcome.Unreachable(
                                "all peers", "sending failed: " + e, false, Duration.ZERO, 0)));
            }
            record(result);
            listener.sent(result);
        }
    }

    private List<Alert> take() {
        lock.lock();
        try {
            while (alerts.isEmpty() && !closed) {
                notEmpty.await();
            }
            if (alerts.isEmpty() || abandoned) {
                return null;
            }
            List<Alert> batch = new ArrayList<>(Math.min(batchSize, alerts.size()));
            while (batch.size() < batchSize && !alerts.isEmpty()) {
                batch.add(alerts.pollFirst());
            }
            return batch;
        } catch (InterruptedException e) {
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void record(SendResult result) {
        lock.lock();
        try {
            batches++;
            if (result.isSuccess()) {
                sent += result.alertCount();
            } else {
                failed += result.alertCount();
            }
        } finally {
            lock.unlock();
        }
    }

    QueueStats stats() {
        lock.lock();
        try {
            return new QueueStats(alerts.size(), capacity, enqueued, dropped, sent, failed, batches);
        } finally {
            lock.unlock();
        }
    }

    void close() {
        Thread running;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            running = senderThread;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        if (running != null) {
            join(running, drainTimeout);
            if (running.isAlive()) {
                abandon();
                abortInFlight.run();
                running.interrupt();
                join(running, Duration.ofSeconds(1));
            }
        }
        abandonRest();
    }

    private void abandon() {
        lock.lock();
        try {
            abandoned = true;
        } finally {
            lock.unlock();
        }
    }

    private void abandonRest() {
        int left;
        long droppedTotal;
        lock.lock();
        try {
            left = alerts.size();
            alerts.clear();
            dropped += left;
            droppedTotal = dropped;
        } finally {
            lock.unlock();
        }
        if (left > 0) {
            LOG.warn("Alertmanager client closed with {} alerts unsent: dropped", left);
            listener.dropped(left, droppedTotal);
        }
    }

    private void join(Thread thread, Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
