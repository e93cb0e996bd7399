package dev.outage.alerting.heartbeat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.notify.DeliveryResult;
import dev.outage.alerting.notify.EmailNotifier;
import dev.outage.alerting.notify.template.TemplateAlert;
import dev.outage.alerting.notify.template.TemplateData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expects a heartbeat and emails when it stops: an HTTP endpoint (an Alertmanager
 * {@code webhook_configs} URL for a Watchdog route, or any sender) records each heartbeat; when
 * none arrived within the deadline, an alert email goes out through the notifier, and a resolved
 * email when heartbeats come back (if the email config has {@code send_resolved}).
 *
 * <pre>{@code
 * try (DeadMansSwitch dms = DeadMansSwitch.builder(notifier).deadline(Duration.ofMinutes(5)).build()) {
 *     dms.start(Duration.ofSeconds(15));       // check every 15 s
 *     URI hook = dms.heartbeatUri();           // put this into Alertmanager's webhook_configs
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code POST} or {@code GET} on the heartbeat path (default {@code /heartbeat})
 * answers 200 and records a heartbeat; {@code GET /status} answers a JSON object with the
 * state and answers 503 while email delivery keeps failing, so that an HTTP probe can page
 * through another path. After {@code failureThreshold} failed deliveries in a row the
 * {@link Listener#deliveryFailing} callback runs and a warning is logged once.
 *
 * <p>The server binds to the loopback address unless told otherwise. Thread-safe; emails are
 * sent on the checking thread (or the caller of {@link #check()}), never on HTTP threads.
 */
public final class DeadMansSwitch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadMansSwitch.class);

    /** What the switch is doing. */
    public enum State {
        /** Heartbeats arrive within the deadline. */
        OK,
        /** The deadline passed; the alert email was sent. */
        MISSED,
        /** The deadline passed and the alert email could not be delivered yet. */
        DELIVERY_FAILING
    }

    /** Callbacks about the switch; all default to doing nothing and must not throw. */
    public interface Listener {
        /** Called when the alert email was delivered after the deadline passed. */
        default void heartbeatMissed(Instant lastHeartbeat, DeliveryResult.Delivered result) {}

        /** Called when the resolved email was delivered after heartbeats came back. */
        default void heartbeatRestored(Instant heartbeat, DeliveryResult result) {}

        /** Called on each failed delivery from the threshold on, with the count in a row. */
        default void deliveryFailing(int consecutiveFailures, DeliveryResult.Failed last) {}
    }

    private final EmailNotifier notifier;
    private final Duration deadline;
    private final Clock clock;
    private final LabelSet labels;
    private final String path;
    private final int failureThreshold;
    private final Listener listener;
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final Instant startedAt;

    private final Object lock = new Object();
    private Instant lastHeartbeat;
    private long heartbeats;
    private Instant missedSince;
    private boolean alertDelivered;
    private int consecutiveFailures;
    private String lastFailure;
    private Thread checker;
    private volatile boolean closed;

    private DeadMansSwitch(Builder builder) throws IOException {
        this.notifier = builder.notifier;
        this.deadline = builder.deadline;
        this.clock = builder.clock;
        this.labels = builder.labels;
        this.path = builder.path;
        this.failureThreshold = builder.failureThreshold;
        this.listener = builder.listener;
        this.startedAt = clock.instant();
        this.server = HttpServer.create(builder.address, 16);
        this.httpThreads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "outage-dead-mans-switch-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(httpThreads);
        server.createContext(path, this::heartbeat);
        server.createContext("/status", this::status);
        server.start();
    }

    /** Returns a builder for a switch that emails through the notifier. */
    public static Builder builder(EmailNotifier notifier) {
        return new Builder(notifier);
    }

    /** Returns the URL heartbeats are sent to, such as {@code http://127.0.0.1:41234/heartbeat}. */
    public URI heartbeatUri() {
        return URI.create("http://" + host() + ":" + server.getAddress().getPort() + path);
    }

    /** Returns the URL of the status endpoint. */
    public URI statusUri() {
        return URI.create("http://" + host() + ":" + server.getAddress().getPort() + "/status");
    }

    private String host() {
        InetAddress address = server.getAddress().getAddress();
        String text = address.getHostAddress();
        return text.indexOf(':') >= 0 ? "[" + text + "]" : text;
    }

    /** Records a heartbeat at the clock's instant, as the HTTP endpoint does. */
    public void recordHeartbeat() {
        synchronized (lock) {
            lastHeartbeat = clock.instant();
            heartbeats++;
        }
    }

    private void heartbeat(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            String method = exchange.getRequestMethod();
            if (!method.equals("POST") && !method.equals("GET") && !method.equals("PUT")) {
                reply(exchange, 405, "method not allowed\n");
                return;
            }
            recordHeartbeat();
            reply(exchange, 200, "ok\n");
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            State state = state();
            String json;
            synchronized (lock) {
                json = "{\"state\":\""
                        + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "\","
                        + "\"lastHeartbeat\":" + (lastHeartbeat == null ? "null" : "\"" + lastHeartbeat + "\"") + ","
                        + "\"heartbeats\":" + heartbeats + ","
                        + "\"deadlineSeconds\":" + deadline.toSeconds() + ","
                        + "\"consecutiveDeliveryFailures\":" + consecutiveFailures + "}\n";
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply(exchange, state == State.DELIVERY_FAILING ? 503 : 200, json);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Returns the current state. */
    public State state() {
        synchronized (lock) {
            if (missedSince == null) {
                return State.OK;
            }
            return alertDelivered ? State.MISSED : State.DELIVERY_FAILING;
        }
    }

    /** Returns when the last heartbeat arrived, or null when none did. */
    public Instant lastHeartbeat() {
        synchronized (lock) {
            return lastHeartbeat;
        }
    }

    /** Returns how many deliveries failed in a row; 0 after a delivery. */
    public int consecutiveDeliveryFailures() {
        synchronized (lock) {
            return consecutiveFailures;
        }
    }

    /**
     * Compares the last heartbeat with the deadline at the clock's instant and sends the alert
     * (or resolved) email when due; an undelivered alert email is tried again at each check.
     * Blocks while sending.
     */
    public void check() {
        Instant now = clock.instant();
        Instant last;
        boolean sendAlert;
        boolean sendResolved;
        synchronized (lock) {
            last = lastHeartbeat == null ? startedAt : lastHeartbeat;
            boolean late = last.plus(deadline).isBefore(now);
            if (late && missedSince == null) {
                missedSince = last;
            }
            sendAlert = late && !alertDelivered;
            sendResolved = !late && missedSince != null;
        }
        if (sendAlert) {
            sendAlert(last, now);
        } else if (sendResolved) {
            sendResolved(last, now);
        }
    }

    private void sendAlert(Instant last, Instant now) {
        DeliveryResult result = notifier.send(data(last, null, now));
        synchronized (lock) {
            if (result instanceof DeliveryResult.Delivered delivered) {
                alertDelivered = true;
                consecutiveFailures = 0;
                listener.heartbeatMissed(last, delivered);
                return;
            }
            DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
            consecutiveFailures++;
            lastFailure = failed.reason();
            if (consecutiveFailures >= failureThreshold) {
                if (consecutiveFailures == failureThreshold) {
                    LOG.warn(
                            "dead man's switch cannot deliver its alert email ({} failures in a row): {} {}",
                            consecutiveFailures,
                            failed.kind(),
                            lastFailure);
                }
                listener.deliveryFailing(consecutiveFailures, failed);
            }
        }
    }

    private void sendResolved(Instant heartbeat, Instant now) {
        boolean wasDelivered;
        Instant since;
        synchronized (lock) {
            wasDelivered = alertDelivered;
            since = missedSince;
            missedSince = null;
            alertDelivered = false;
            consecutiveFailures = 0;
        }
        if (wasDelivered && notifier.config().sendResolved()) {
            DeliveryResult result = notifier.send(data(since, heartbeat, now));
            listener.heartbeatRestored(heartbeat, result);
        }
    }

    private TemplateData data(Instant missedSince, Instant restoredAt, Instant now) {
        Alert alert = Alert.builder(labels)
                .annotation(
                        "summary", "No heartbeat within " + deadline.toSeconds() + "s; the alerting path may be broken")
                .annotation(
                        "last_heartbeat",
                        missedSince.equals(startedAt)
                                ? "none since the switch started at " + startedAt
                                : missedSince.toString())
                .startsAt(missedSince.plus(deadline))
                .endsAt(restoredAt)
                .generatorUrl(heartbeatUri().toString())
                .build();
        return TemplateData.of("dead-mans-switch", labels, List.of(TemplateAlert.of(alert, now)), "");
    }

    /**
     * Starts a daemon thread that calls {@link #check()} every interval.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        synchronized (lock) {
            if (checker != null || closed) {
                throw new IllegalStateException("dead man's switch already started or closed");
            }
            checker = new Thread(
                    () -> {
                        while (!closed) {
                            try {
                                check();
                                Thread.sleep(interval.toMillis());
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "outage-dead-mans-switch");
            checker.setDaemon(true);
            checker.start();
        }
    }

    /** Stops the checking thread and the HTTP server. */
    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            running = checker;
        }
        Threads.interruptAndJoin(running);
        server.stop(0);
        httpThreads.shutdownNow();
    }

    /** Builds a {@link DeadMansSwitch}. */
    public static final class Builder {
        private final EmailNotifier notifier;
        private Duration deadline = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private LabelSet labels = LabelSet.of("alertname", "DeadMansSwitch", "severity", "critical");
        private String path = "/heartbeat";
        private int failureThreshold = 3;
        private Listener listener = new Listener() {};
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

        private Builder(EmailNotifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier");
        }

        /** Sets how long without heartbeat counts as dead (default 5 minutes). */
        public Builder deadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive: " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /** Sets the clock (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the labels of the alert in the email (default {@code alertname=DeadMansSwitch}). */
        public Builder labels(LabelSet labels) {
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("labels must not be empty");
            }
            this.labels = labels;
            return this;
        }

        /** Sets the heartbeat path (default {@code /heartbeat}). */
        public Builder path(String path) {
            if (!path.startsWith("/") || path.equals("/status")) {
                throw new IllegalArgumentException("path must start with / and not be /status: " + path);
            }
            this.path = path;
            return this;
        }

        /** Sets after how many failed deliveries in a row the switch reports itself (default 3). */
        public Builder failureThreshold(int failureThreshold) {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be at least 1: " + failureThreshold);
            }
            this.failureThreshold = failureThreshold;
            return this;
        }

        /** Sets the callbacks (default: none). */
        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Sets the address to listen on (default: loopback, a free port). */
        public Builder bind(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Returns the switch with its HTTP server listening; the deadline counts from now.
         *
         * @throws IOException when the address cannot be bound
         */
        public DeadMansSwitch build() throws IOException {
            return new DeadMansSwitch(this);
        }
    }
}
