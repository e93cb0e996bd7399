package dev.outage.alerting.heartbeat;

import dev.outage.alerting.client.AlertmanagerClient;
import dev.outage.alerting.client.SendResult;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a {@code Watchdog}-style alert firing in Alertmanager: every interval it sends the alert
 * again with an end time one validity period ahead. When this process (or its path to
 * Alertmanager) dies, the alert resolves by itself after the validity, and a dead man's switch
 * behind Alertmanager (such as {@link DeadMansSwitch}, or an external service) notices that the
 * heartbeat notifications stopped.
 *
 * <pre>{@code
 * try (AlertmanagerClient client = AlertmanagerClient.builder().peer(URI.create("http://127.0.0.1:9093")).build();
 *         Heartbeat heartbeat = Heartbeat.builder(client).interval(Duration.ofMinutes(1)).build()) {
 *     heartbeat.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #start()} runs one daemon thread; {@link #close()} stops it and does not
 * resolve the alert, so that Alertmanager sees the heartbeat stop exactly as after a crash. The
 * client is not closed.
 */
public final class Heartbeat implements AutoCloseable {

    private final AlertmanagerClient client;
    private final LabelSet labels;
    private final LabelSet annotations;
    private final Duration interval;
    private final Duration validity;
    private final Clock clock;
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Object lock = new Object();
    private Thread thread;
    private volatile boolean closed;

    private Heartbeat(Builder builder) {
        this.client = builder.client;
        this.labels = builder.labels;
        this.annotations = builder.annotations;
        this.interval = builder.interval;
        this.validity = builder.validity == null ? builder.interval.multipliedBy(3) : builder.validity;
        this.clock = builder.clock;
    }

    /** Returns a builder for a heartbeat sent with the client. */
    public static Builder builder(AlertmanagerClient client) {
        return new Builder(client);
    }

    /** Returns the alert the next beat would send, starting now and ending one validity ahead. */
    public Alert alert() {
        Instant now = clock.instant();
        return Alert.builder(labels)
                .annotations(annotations)
                .startsAt(now)
                .endsAt(now.plus(validity))
                .build();
    }

    /**
     * Sends the alert once now and blocks until Alertmanager answered (with the client's
     * retries). The outcome is also kept for {@link #consecutiveFailures()}.
     */
    public SendResult beat() {
        SendResult result = client.send(List.of(alert()));
        if (result.isSuccess()) {
            lastSuccess.set(clock.instant());
            consecutiveFailures.set(0);
        } else {
            consecutiveFailures.incrementAndGet();
            lastFailure.set(result.describe());
        }
        return result;
    }

    /**
     * Starts the daemon thread that beats now and then every interval.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        synchronized (lock) {
            if (thread != null || closed) {
                throw new IllegalStateException("heartbeat already started or closed");
            }
            thread = new Thread(this::run, "outage-heartbeat");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        while (!closed) {
            try {
                beat();
            } catch (RuntimeException e) {
                consecutiveFailures.incrementAndGet();
                lastFailure.set(e.toString());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Returns when the last beat was accepted, or null when none was yet. */
    public Instant lastSuccess() {
        return lastSuccess.get();
    }

    /** Returns how many beats in a row failed; 0 after a success. */
    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    /** Returns the description of the last failed beat, or null. */
    public String lastFailure() {
        return lastFailure.get();
    }

    /** Stops the thread without resolving the alert; the client stays open. */
    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            running = thread;
        }
        Threads.interruptAndJoin(running);
    }

    /** Builds a {@link Heartbeat}. */
    public static final class Builder {
        private final AlertmanagerClient client;
        private LabelSet labels = LabelSet.of("alertname", "Watchdog", "severity", "none");
        private LabelSet annotations =
                LabelSet.of("summary", "Heartbeat of the alerting path; it should always be firing.");
        private Duration interval = Duration.ofMinutes(1);
        private Duration validity;
        private Clock clock = Clock.systemUTC();

        private Builder(AlertmanagerClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Sets the alert's labels (default {@code alertname=Watchdog, severity=none}). */
        public Builder labels(LabelSet labels) {
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("heartbeat labels must not be empty");
            }
            this.labels = labels;
            return this;
        }

        /** Sets the alert's annotations (default: a summary). */
        public Builder annotations(LabelSet annotations) {
            this.annotations = Objects.requireNonNull(annotations, "annotations");
            return this;
        }

        /** Sets the time between beats (default 1 minute). */
        public Builder interval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive: " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** Sets how long each beat keeps the alert firing (default three intervals). */
        public Builder validity(Duration validity) {
            if (validity.isNegative() || validity.isZero()) {
                throw new IllegalArgumentException("validity must be positive: " + validity);
            }
            this.validity = validity;
            return this;
        }

        /** Sets the clock for start and end times (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Returns the heartbeat; it sends nothing until {@link #beat()} or {@link #start()}. */
        public Heartbeat build() {
            return new Heartbeat(this);
        }
    }
}
