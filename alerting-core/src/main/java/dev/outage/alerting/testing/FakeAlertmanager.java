package dev.outage.alerting.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outage.alerting.codec.AlertGroup;
import dev.outage.alerting.codec.AlertState;
import dev.outage.alerting.codec.AlertStatus;
import dev.outage.alerting.codec.AlertmanagerCodec;
import dev.outage.alerting.codec.AlertmanagerStatus;
import dev.outage.alerting.codec.CodecException;
import dev.outage.alerting.codec.DecodedAlerts;
import dev.outage.alerting.codec.GettableAlert;
import dev.outage.alerting.codec.PostableSilence;
import dev.outage.alerting.codec.Problem;
import dev.outage.alerting.codec.Silence;
import dev.outage.alerting.codec.SilenceState;
import dev.outage.alerting.model.Alert;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An in-process stand-in for Alertmanager's API v2 on a free loopback port, for testing code
 * that sends alerts: it records every request and can be told to misbehave.
 *
 * <pre>{@code
 * try (FakeAlertmanager fake = FakeAlertmanager.start()) {
 *     fake.answerWrappedOnly();                   // like Grafana's built-in Alertmanager
 *     sendSomething(fake.baseUri());
 *     RecordedRequest request = fake.takeRequest(Duration.ofSeconds(5));
 *     assertThat(request.bodyText()).startsWith("[");
 * }
 * }</pre>
 *
 * <p>It serves {@code POST/GET /api/v2/alerts} (validated with {@link AlertmanagerCodec}, so
 * it answers 400 where Alertmanager would), {@code GET /api/v2/alerts/groups} (one group),
 * {@code GET /api/v2/status}, {@code GET/POST /api/v2/silences}, {@code GET
 * /api/v2/silence/{id}}, {@code DELETE /api/v2/silence/{id}}, {@code /-/ready} and {@code
 * /-/healthy}. It ignores query filters, does no routing (every alert goes to receiver {@code
 * fake}), never ends alerts by itself and does not apply silences to alerts.
 *
 * <p>Thread-safe: behaviour can be changed while requests are served.
 */
public final class FakeAlertmanager implements AutoCloseable {

    /** The receiver every stored alert is reported with. */
    public static final String RECEIVER = "fake";

    private enum Mode {
        NORMAL,
        WRAPPED_ONLY,
        FAIL,
        DROP
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final AlertmanagerCodec codec = AlertmanagerCodec.standard();
    private final Instant started = Instant.now();
    private final LinkedBlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final Object lock = new Object();
    private final List<Alert> received = new ArrayList<>();
    private final Map<String, GettableAlert> stored = new LinkedHashMap<>();
    private final Map<String, Silence> silences = new LinkedHashMap<>();
    private Mode mode = Mode.NORMAL;
    private int failStatus;
    private int failNextCount;
    private int failNextStatus;
    private Duration delay = Duration.ZERO;
    private boolean ready = true;

    private FakeAlertmanager(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /**
     * Starts a fake on a free port of 127.0.0.1.
     *
     * @throws IOException if no port can be bound
     */
    public static FakeAlertmanager start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-alertmanager-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        FakeAlertmanager fake = new FakeAlertmanager(server, executor);
        server.createContext("/", fake::handle);
        server.start();
        return fake;
    }

    /** Returns the root URI, such as {@code http://127.0.0.1:41234/}. */
    public URI baseUri() {
        return baseUri;
    }

    // ---- behaviour ---------------------------------------------------------------------

    /** Answers as Alertmanager does (the default), ending any fault set before. */
    public void answerNormally() {
        setMode(Mode.NORMAL, 0);
    }

    /**
     * Answers like a receiver that accepts only {@code {"alerts": [...]}}, as Grafana 12.4's
     * built-in Alertmanager did: 400 to the canonical bare array, 200 to the wrapped form.
     */
    public void answerWrappedOnly() {
        setMode(Mode.WRAPPED_ONLY, 0);
    }

    /** Answers every request except {@code /-/ready} with the status until told otherwise. */
    public void failWith(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        setMode(Mode.FAIL, status);
    }

    /** Answers the next {@code count} requests with the status, then behaves as before. */
    public void failNext(int count, int status) {
        if (status < 100 || status > 599 || count < 0) {
            throw new IllegalArgumentException("bad failNext(" + count + ", " + status + ")");
        }
        synchronized (lock) {
            failNextCount = count;
            failNextStatus = status;
        }
    }

    /** Closes every connection without an answer (after recording the request). */
    public void dropConnections() {
        setMode(Mode.DROP, 0);
    }

    /** Waits this long before answering each request; zero (the default) to answer at once. */
    public void delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        synchronized (lock) {
            this.delay = delay;
        }
    }

    /** Sets whether {@code /-/ready} answers 200 (true, the default) or 503. */
    public void setReady(boolean ready) {
        synchronized (lock) {
            this.ready = ready;
        }
    }

    private void setMode(Mode mode, int status) {
        synchronized (lock) {
            this.mode = mode;
            this.failStatus = status;
        }
    }

    // ---- what was received -------------------------------------------------------------

    /**
     * Returns the oldest request not yet taken, waiting up to the timeout; null if none came.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return requests.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Returns how many requests arrived, taken or not. */
    public int requestCount() {
        return requestCount.get();
    }

    /** Returns the alerts accepted so far, in order of arrival, repeats included. */
    public List<Alert> receivedAlerts() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** Stops the server at once and closes its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeAlertmanager[" + baseUri + "]";
    }

    // ---- serving -----------------------------------------------------------------------

    private record Reply(int status, String contentType, byte[] body) {
        static Reply json(int status, byte[] body) {
            return new Reply(status, "application/json", body);
        }

        static Reply text(int status, String text) {
            return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }

        /** Returns the reply with the brackets of a one-element array removed. */
        Reply withoutArray() {
            return new Reply(status, contentType, java.util.Arrays.copyOfRange(body, 1, body.length - 1));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            Mode currentMode;
            int status;
            Duration currentDelay;
            synchronized (lock) {
                currentMode = mode;
                status = failStatus;
                currentDelay = delay;
                if (failNextCount > 0 && !request.path().startsWith("/-/")) {
                    failNextCount--;
                    currentMode = Mode.FAIL;
                    status = failNextStatus;
                }
            }
            if (!sleep(currentDelay) || currentMode == Mode.DROP) {
                return;
            }
            Reply reply = currentMode == Mode.FAIL && !request.path().equals("/-/ready")
                    ? Reply.text(status, "fake failure " + status)
                    : route(request, currentMode);
            send(exchange, reply);
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        URI uri = exchange.getRequestURI();
        RecordedRequest request = new RecordedRequest(
                exchange.getRequestMethod(),
                uri.getRawPath(),
                Objects.requireNonNullElse(uri.getRawQuery(), ""),
                headers,
                body);
        requestCount.incrementAndGet();
        requests.add(request);
        return request;
    }

    private static boolean sleep(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private Reply route(RecordedRequest request, Mode currentMode) {
        String method = request.method();
        String path = request.path();
        return switch (path) {
            case "/-/ready" -> readiness();
            case "/-/healthy" -> Reply.text(200, "OK");
            case "/api/v2/alerts" ->
                method.equals("POST")
                        ? postAlerts(request.body(), currentMode)
                        : method.equals("GET")
                                ? Reply.json(200, codec.encodeGettableAlerts(storedAlerts()))
                                : notAllowed();
            case "/api/v2/alerts/groups" -> method.equals("GET") ? groups() : notAllowed();
            case "/api/v2/status" -> method.equals("GET") ? status() : notAllowed();
            case "/api/v2/silences" ->
                method.equals("POST")
                        ? postSilence(request.body())
                        : method.equals("GET") ? Reply.json(200, codec.encodeSilences(silenceList())) : notAllowed();
            default ->
                path.startsWith("/api/v2/silence/")
                        ? silence(method, path.substring("/api/v2/silence/".length()))
                        : Reply.text(404, "404 page not found");
        };
    }

    private static Reply notAllowed() {
        return Reply.text(405, "method not allowed");
    }

    private Reply readiness() {
        synchronized (lock) {
            return ready ? Reply.text(200, "OK") : Reply.text(503, "Service Unavailable");
        }
    }

    private Reply postAlerts(byte[] body, Mode currentMode) {
        DecodedAlerts decoded = codec.decodeAlerts(body);
        if (currentMode == Mode.WRAPPED_ONLY && !decoded.wrapped()) {
            return Reply.json(
                    400,
                    "{\"message\":\"bad request data: expected an object with an alerts field\"}"
                            .getBytes(StandardCharsets.UTF_8));
        }
        if (currentMode == Mode.NORMAL && decoded.wrapped()) {
            return Reply.json(400, quote("parsing alerts body failed: expected a JSON array of alerts, got an object"));
        }
        store(decoded.alerts());
        if (!decoded.isAccepted()) {
            return Reply.json(
                    400,
                    quote(decoded.problems().stream().map(Problem::toString).collect(Collectors.joining("; "))));
        }
        return new Reply(200, "application/json", new byte[0]);
    }

    private void store(List<Alert> alerts) {
        Instant now = Instant.now();
        synchronized (lock) {
            for (Alert alert : alerts) {
                received.add(alert);
                Instant startsAt =
                        alert.startsAt() != null ? alert.startsAt() : alert.endsAt() != null ? alert.endsAt() : now;
                Instant endsAt = alert.endsAt() != null ? alert.endsAt() : now.plus(Duration.ofMinutes(5));
                Alert effective =
                        new Alert(alert.labels(), alert.annotations(), startsAt, endsAt, alert.generatorUrl());
                stored.put(
                        alert.fingerprint(),
                        new GettableAlert(
                                effective,
                                alert.fingerprint(),
                                new AlertStatus(AlertState.ACTIVE, List.of(), List.of(), List.of()),
                                List.of(RECEIVER),
                                now));
            }
        }
    }

    private List<GettableAlert> storedAlerts() {
        synchronized (lock) {
            return List.copyOf(stored.values());
        }
    }

    private Reply groups() {
        List<GettableAlert> alerts = storedAlerts();
        List<AlertGroup> groups = alerts.isEmpty()
                ? List.of()
                : List.of(new AlertGroup(dev.outage.alerting.model.LabelSet.empty(), RECEIVER, alerts));
        return Reply.json(200, codec.encodeAlertGroups(groups));
    }

    private Reply status() {
        return Reply.json(
                200,
                codec.encodeStatus(new AlertmanagerStatus(
                        "",
                        "disabled",
                        List.of(),
                        "# FakeAlertmanager has no configuration\n",
                        started,
                        Map.of("version", "fake"))));
    }

    private Reply postSilence(byte[] body) {
        PostableSilence posted;
        try {
            posted = codec.decodePostableSilence(body);
        } catch (CodecException e) {
            return Reply.json(400, quote(e.getMessage()));
        }
        Instant now = Instant.now();
        String id = posted.id() != null ? posted.id() : UUID.randomUUID().toString();
        SilenceState state = posted.endsAt().isBefore(now)
                ? SilenceState.EXPIRED
                : posted.startsAt().isAfter(now) ? SilenceState.PENDING : SilenceState.ACTIVE;
        synchronized (lock) {
            silences.put(
                    id,
                    new Silence(
                            id,
                            posted.matchers(),
                            posted.startsAt(),
                            posted.endsAt(),
                            posted.createdBy(),
                            posted.comment(),
                            state,
                            now));
        }
        return Reply.json(
                200,
                ("{\"silenceID\":" + new String(quote(id), StandardCharsets.UTF_8) + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private List<Silence> silenceList() {
        synchronized (lock) {
            return List.copyOf(silences.values());
        }
    }

    private Reply silence(String method, String id) {
        synchronized (lock) {
            Silence silence = silences.get(id);
            if (silence == null) {
                return Reply.text(404, "silence " + id + " not found");
            }
            if (method.equals("GET")) {
                return Reply.json(200, codec.encodeSilences(List.of(silence))).withoutArray();
            }
            if (method.equals("DELETE")) {
                Instant now = Instant.now();
                silences.put(
                        id,
                        new Silence(
                                id,
                                silence.matchers(),
                                silence.startsAt(),
                                now,
                                silence.createdBy(),
                                silence.comment(),
                                SilenceState.EXPIRED,
                                now));
                return new Reply(200, "application/json", new byte[0]);
            }
            return notAllowed();
        }
    }

    private static byte[] quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }
}
