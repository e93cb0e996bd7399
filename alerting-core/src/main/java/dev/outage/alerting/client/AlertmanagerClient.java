package dev.outage.alerting.client;

import dev.outage.alerting.client.internal.TrustedCertificates;
import dev.outage.alerting.codec.AlertGroup;
import dev.outage.alerting.codec.AlertmanagerCodec;
import dev.outage.alerting.codec.AlertmanagerStatus;
import dev.outage.alerting.codec.CodecException;
import dev.outage.alerting.codec.Dialect;
import dev.outage.alerting.codec.GettableAlert;
import dev.outage.alerting.codec.PostableSilence;
import dev.outage.alerting.codec.Problem;
import dev.outage.alerting.codec.Silence;
import dev.outage.alerting.model.Alert;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to the peers of an Alertmanager cluster and queries its API v2, with Apache
 * HttpClient 5.
 *
 * <pre>{@code
 * try (AlertmanagerClient client = AlertmanagerClient.builder()
 *         .peer(URI.create("http://am-1:9093"))
 *         .peer(URI.create("http://am-2:9093"))
 *         .build()) {
 *     SendResult result = client.send(List.of(alert));   // every peer gets the batch
 *     if (!result.isSuccess()) {
 *         System.err.println(result.describe());          // each peer's answer, with a diagnosis
 *     }
 *     client.enqueue(alert);                              // never blocks; a sender thread posts it
 * }
 * }</pre>
 *
 * <p>Every batch goes to every peer, as Prometheus does; a batch succeeds when at least one peer
 * accepted it. Connection errors and 5xx answers are retried with exponential backoff and
 * jitter ({@link RetryPolicy}); 4xx answers never are. Queries go to the peers in order and
 * return the first answer; a 4xx answer is thrown at once.
 *
 * <p>{@link #enqueue(Alert)} puts alerts into a bounded queue that a background thread sends in
 * batches. When the queue is full the oldest alerts are dropped, counted in {@link #stats()} and
 * reported to the {@link QueueListener}. {@link #close()} sends what is queued until the drain
 * timeout, then drops and counts the rest.
 *
 * <p>Credentials are read from files on every request, so rotated files take effect; they never
 * appear in {@link #toString()}, outcomes or exception messages. Instances are thread-safe; after
 * {@link #close()} every method that talks to Alertmanager throws {@link IllegalStateException}.
 */
public final class AlertmanagerClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerClient.class);
    private static final int EXCERPT_LENGTH = 512;
    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    private final List<Peer> peers;
    private final AlertmanagerCodec codec;
    private final Dialect dialect;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final LongSupplier nanoTime;
    private final Credentials credentials;
    private final Duration responseTimeout;
    private final CloseableHttpClient http;
    private final ExecutorService fanOut;
    private final SendQueue queue;

    private AlertmanagerClient(Builder builder, SSLContext sslContext) {
        this.peers = builder.peers.stream()
                .map(uri -> Peer.of(uri, builder.pathPrefix))
                .toList();
        this.codec = builder.codec;
        this.dialect = builder.dialect;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.nanoTime = builder.nanoTime;
        this.credentials = builder.credentials;
        this.responseTimeout = builder.responseTimeout;
        this.http = httpClient(builder, sslContext);
        AtomicInteger threads = new AtomicInteger();
        this.fanOut = Executors.newCachedThreadPool(
                task -> daemon(task, "outage-alertmanager-fanout-" + threads.incrementAndGet()));
        this.queue = new SendQueue(
                builder.queueCapacity,
                builder.batchSize,
                builder.drainTimeout,
                builder.listener,
                this::sendValidated,
                () -> http.close(CloseMode.IMMEDIATE));
    }

    /** Returns a builder; at least one peer is required. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- sending ------------------------------------------------------------------------

    /**
     * Sends the alerts as one batch to every peer at once and blocks until each has answered,
     * failed, or run out of retries.
     *
     * @return each peer's outcome; {@link SendResult#isSuccess()} when at least one accepted
     * @throws IllegalArgumentException if Alertmanager would refuse an alert (the message lists
     *     each problem with the alert index and JSON pointer)
     * @throws IllegalStateException if the client is closed
     */
    public SendResult send(List<Alert> alerts) {
        List<Alert> batch = List.copyOf(alerts);
        requireValid(batch);
        queue.requireOpen();
        return sendValidated(batch);
    }

    /**
     * Puts one alert into the send queue and returns at once; a background thread sends it.
     * When the queue is full the oldest queued alert is dropped and counted.
     *
     * @throws IllegalArgumentException if Alertmanager would refuse the alert
     * @throws IllegalStateException if the client is closed
     */
    public void enqueue(Alert alert) {
        enqueue(List.of(alert));
    }

    /**
     * Puts alerts into the send queue and returns at once; see {@link #enqueue(Alert)}.
     *
     * @throws IllegalArgumentException if Alertmanager would refuse an alert (none is queued)
     * @throws IllegalStateException if the client is closed
     */
    public void enqueue(Collection<Alert> alerts) {
        List<Alert> copy = List.copyOf(alerts);
        requireValid(copy);
        queue.add(copy);
    }

    /** Returns the send queue's counters. */
    public QueueStats stats() {
        return queue.stats();
    }

    // ---- queries -----------------------------------------------------------------------

    /**
     * Returns the alerts that match the query ({@code GET /api/v2/alerts}) from the first peer
     * that answers; blocks up to the response timeout per attempt.
     *
     * @throws AlertmanagerException if no peer answers, or one answers with an error
     */
    public List<GettableAlert> alerts(AlertQuery query) throws AlertmanagerException {
        Answer answer = query("GET", "api/v2/alerts", alertParameters(query, true), null);
        return decode(answer, "GET /api/v2/alerts", codec::decodeGettableAlerts);
    }

    /**
     * Returns the alert groups that match the query ({@code GET /api/v2/alerts/groups}).
     *
     * @throws AlertmanagerException if no peer answers, or one answers with an error
     */
    public List<AlertGroup> alertGroups(AlertQuery query) throws AlertmanagerException {
        Answer answer = query("GET", "api/v2/alerts/groups", alertParameters(query, false), null);
        return decode(answer, "GET /api/v2/alerts/groups", codec::decodeAlertGroups);
    }

    /**
     * Returns the silences matching all the matchers ({@code GET /api/v2/silences}); none
     * returns every silence, expired ones included.
     *
     * @throws AlertmanagerException if no peer answers, or one answers with an error
     */
    public List<Silence> silences(String... filters) throws AlertmanagerException {
        List<String> parameters = new ArrayList<>();
        for (String filter : filters) {
            parameters.add("filter=" + encode(filter));
        }
        Answer answer = query("GET", "api/v2/silences", parameters, null);
        return decode(answer, "GET /api/v2/silences", codec::decodeSilences);
    }

    /**
     * Creates the silence (or updates it, when it has an id) and returns its id.
     *
     * @throws AlertmanagerException if no peer answers, or one refuses the silence
     */
    public String createSilence(PostableSilence silence) throws AlertmanagerException {
        Answer answer = query("POST", "api/v2/silences", List.of(), codec.encodeSilence(silence));
        return decode(answer, "POST /api/v2/silences", codec::decodeSilenceId);
    }

    /**
     * Expires the silence with the given id ({@code DELETE /api/v2/silence/{id}}).
     *
     * @throws AlertmanagerException if no peer answers, or one answers with an error (404 for
     *     an unknown id)
     */
    public void expireSilence(String id) throws AlertmanagerException {
        query("DELETE", "api/v2/silence/" + encode(Objects.requireNonNull(id, "id")), List.of(), null);
    }

    /**
     * Returns the status of the first peer that answers ({@code GET /api/v2/status}).
     *
     * @throws AlertmanagerException if no peer answers, or one answers with an error
     */
    public AlertmanagerStatus status() throws AlertmanagerException {
        Answer answer = query("GET", "api/v2/status", List.of(), null);
        return decode(answer, "GET /api/v2/status", codec::decodeStatus);
    }

    /**
     * Asks every peer whether it is ready ({@code GET /-/ready}), once each without retry, and
     * returns each peer's outcome: accepted means ready.
     */
    public List<PeerOutcome> readiness() {
        queue.requireOpen();
        return fanOut(peer -> outcome(peer, call(peer, "GET", "-/ready", null, RetryPolicy.NONE), false));
    }

    /** Returns the peers' URIs without user-info. */
    public List<String> peers() {
        return peers.stream().map(Peer::display).toList();
    }

    /**
     * Sends what is queued until the drain timeout has passed, drops and counts the rest, and
     * releases the connections and threads. Blocks up to the drain timeout plus a second;
     * calling it again does nothing.
     */
    @Override
    public void close() {
        queue.close();
        fanOut.shutdownNow();
        http.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "AlertmanagerClient[peers=" + peers() + ", dialect=" + dialect + ", auth=" + credentials.describe()
                + "]";
    }

    // ---- the work -----------------------------------------------------------------------

    private void requireValid(List<Alert> alerts) {
        List<Problem> problems = codec.validate(alerts);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Alertmanager would refuse these alerts: "
                    + problems.stream().limit(5).map(Problem::toString).collect(Collectors.joining("; "))
                    + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
        }
    }

    private SendResult sendValidated(List<Alert> batch) {
        if (batch.isEmpty()) {
            return new SendResult(0, List.of());
        }
        byte[] body = codec.encodeAlerts(batch, dialect);
        return new SendResult(
                batch.size(),
                fanOut(peer -> outcome(peer, call(peer, "POST", "api/v2/alerts", body, retryPolicy), true)));
    }

    private interface PeerCall {
        PeerOutcome run(Peer peer);
    }

    private List<PeerOutcome> fanOut(PeerCall call) {
        if (peers.size() == 1) {
            return List.of(call.run(peers.get(0)));
        }
        List<Future<PeerOutcome>> futures = new ArrayList<>();
        for (Peer peer : peers.subList(1, peers.size())) {
            futures.add(fanOut.submit(() -> call.run(peer)));
        }
        List<PeerOutcome> outcomes = new ArrayList<>();
        outcomes.add(call.run(peers.get(0)));
        for (int i = 0; i < futures.size(); i++) {
            outcomes.add(await(futures.get(i), peers.get(i + 1)));
        }
        return outcomes;
    }

    private static PeerOutcome await(Future<PeerOutcome> future, Peer peer) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new PeerOutcome.Unreachable(peer.display(), "interrupted while waiting", true, Duration.ZERO, 0);
        } catch (ExecutionException e) {
            return new PeerOutcome.Unreachable(peer.display(), "failed: " + e.getCause(), false, Duration.ZERO, 0);
        }
    }

    /** One request with retries: the last answer, or the last error. */
    private record Attempt(Answer answer, IOException error, int attempts, Duration duration) {}

    /** An HTTP answer. */
    private record Answer(String peer, int status, String reason, byte[] body) {
        boolean isSuccess() {
            return status / 100 == 2;
        }

        String excerpt() {
            String text = new String(body, 0, Math.min(body.length, EXCERPT_LENGTH * 4), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ")
                    .strip();
            return text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "..." : text;
        }
    }

    private Attempt call(Peer peer, String method, String path, byte[] body, RetryPolicy policy) {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            Answer answer = null;
            IOException error = null;
            try {
                answer = exchange(peer, method, path, body);
                if (answer.status() < 500) {
                    return new Attempt(answer, null, attempt, since(start));
                }
            } catch (IOException e) {
                error = e;
                if (!isRetryable(e)) {
                    return new Attempt(null, e, attempt, since(start));
                }
            }
            if (attempt >= policy.maxAttempts()) {
                return new Attempt(answer, error, attempt, since(start));
            }
            Duration backoff = policy.backoff(attempt, random.getAsDouble());
            LOG.debug(
                    "{} {}{} failed (attempt {}), retrying in {} ms",
                    method,
                    peer.display(),
                    path,
                    attempt,
                    backoff.toMillis());
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Attempt(
                        answer,
                        error != null ? error : new InterruptedIOException("interrupted"),
                        attempt,
                        since(start));
            }
        }
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    private Answer exchange(Peer peer, String method, String path, byte[] body) throws IOException {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method)
                .setUri(peer.base().resolve(path))
                .addHeader("Accept", "application/json");
        String authorization = credentials.header(peer);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        ClassicHttpRequest built = request.build();
        LOG.debug("{} {}{}", method, peer.display(), path);
        return http.execute(built, response -> {
            HttpEntity entity = response.getEntity();
            byte[] bytes = entity == null ? new byte[0] : EntityUtils.toByteArray(entity, MAX_ANSWER_BYTES);
            return new Answer(peer.display(), response.getCode(), response.getReasonPhrase(), bytes);
        });
    }

    private static boolean isRetryable(IOException e) {
        return !(e instanceof CredentialsException || e instanceof SSLException || e instanceof UnknownHostException);
    }

    private PeerOutcome outcome(Peer peer, Attempt attempt, boolean postedAlerts) {
        Answer answer = attempt.answer();
        if (answer == null) {
            return new PeerOutcome.Unreachable(
                    peer.display(),
                    describe(attempt.error()),
                    isRetryable(attempt.error()),
                    attempt.duration(),
                    attempt.attempts());
        }
        if (answer.isSuccess()) {
            return new PeerOutcome.Accepted(peer.display(), answer.status(), attempt.duration(), attempt.attempts());
        }
        String diagnosis = postedAlerts ? diagnose(answer.status(), attempt.attempts()) : "";
        return new PeerOutcome.Rejected(
                peer.display(), answer.status(), answer.excerpt(), diagnosis, attempt.duration(), attempt.attempts());
    }

    /** Explains what a refusal of alerts means, in the words an operator needs. */
    private String diagnose(int status, int attempts) {
        if (dialect == Dialect.WRAPPED) {
            return "This endpoint refused alerts wrapped as {\"alerts\": [...]}. A real Alertmanager accepts only the"
                    + " canonical array: use the canonical dialect unless this receiver is known to demand the"
                    + " wrapped one.";
        }
        String fix = " Point Prometheus and other senders at a real Alertmanager (check the URL and path prefix);"
                + " use the wrapped dialect ({\"alerts\": [...]}) only for a receiver that demands it, such as"
                + " Grafana's built-in Alertmanager.";
        if (status >= 500) {
            return "It failed with " + status + " on Alertmanager v2 alerts as Prometheus sends them (a JSON array"
                    + " posted to /api/v2/alerts), " + attempts + " attempt(s). A real Alertmanager answers 5xx only"
                    + " when it cannot store alerts; if this is not a real Alertmanager, it does not accept alerts"
                    + " as Prometheus sends them." + fix;
        }
        return "This endpoint does not accept Alertmanager v2 alerts as Prometheus sends them (a JSON array posted to"
                + " /api/v2/alerts): it answered " + status + "." + fix;
    }

    private String describe(IOException e) {
        if (e instanceof ConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + responseTimeout.toMillis() + " ms (response timeout)";
        }
        if (e instanceof HttpHostConnectException || e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + e.getMessage();
        }
        if (e instanceof CredentialsException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private Answer query(String method, String path, List<String> parameters, byte[] body)
            throws AlertmanagerException {
        queue.requireOpen();
        String operation = method + " /" + path;
        String pathAndQuery = parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
        AlertmanagerException failure = null;
        for (Peer peer : peers) {
            Attempt attempt = call(peer, method, pathAndQuery, body, retryPolicy);
            Answer answer = attempt.answer();
            if (answer != null && answer.isSuccess()) {
                return answer;
            }
            AlertmanagerException e = answer != null
                    ? new AlertmanagerException(
                            operation,
                            peer.display(),
                            answer.status(),
                            "answered " + answer.status() + " " + answer.excerpt(),
                            answer.status() >= 500,
                            null)
                    : new AlertmanagerException(
                            operation,
                            peer.display(),
                            0,
                            describe(attempt.error()),
                            isRetryable(attempt.error()),
                            attempt.error());
            if (answer != null && answer.status() < 500) {
                throw e;
            }
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    private interface Decoder<T> {
        T decode(byte[] body) throws CodecException;
    }

    private static <T> T decode(Answer answer, String operation, Decoder<T> decoder) throws AlertmanagerException {
        try {
            return decoder.decode(answer.body());
        } catch (CodecException e) {
            throw new AlertmanagerException(
                    operation, answer.peer(), answer.status(), "unreadable answer: " + e.getMessage(), false, e);
        }
    }

    private static List<String> alertParameters(AlertQuery query, boolean withUnprocessed) {
        List<String> parameters = new ArrayList<>();
        addFlag(parameters, "active", query.active());
        addFlag(parameters, "silenced", query.silenced());
        addFlag(parameters, "inhibited", query.inhibited());
        if (withUnprocessed) {
            addFlag(parameters, "unprocessed", query.unprocessed());
        }
        for (String filter : query.filters()) {
            parameters.add("filter=" + encode(filter));
        }
        if (query.receiver() != null) {
            parameters.add("receiver=" + encode(query.receiver()));
        }
        return parameters;
    }

    private static void addFlag(List<String> parameters, String name, Boolean value) {
        if (value != null) {
            parameters.add(name + "=" + value);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static CloseableHttpClient httpClient(Builder builder, SSLContext sslContext) {
        Timeout connect = Timeout.of(builder.connectTimeout);
        Timeout response = Timeout.of(builder.responseTimeout);
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(16)
                .setMaxConnTotal(64)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(response)
                        .build());
        if (sslContext != null) {
            connections.setTlsSocketStrategy(
                    ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic());
        }
        return HttpClients.custom()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(response)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("outage-alertmanager-client")
                .build();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Waits between retries; replaced in tests so that no real time passes. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Blocks for the duration.
         *
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    // ---- the builder -------------------------------------------------------------------

    /** Configures an {@link AlertmanagerClient}. */
    public static final class Builder {
        private final List<URI> peers = new ArrayList<>();
        private String pathPrefix = "";
        private AlertmanagerCodec codec = AlertmanagerCodec.standard();
        private Dialect dialect = Dialect.CANONICAL;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Sleeper sleeper = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private LongSupplier nanoTime = System::nanoTime;
        private Credentials credentials = Credentials.NONE;
        private Path caFile;
        private SSLContext sslContext;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(10);
        private int queueCapacity = 10_000;
        private int batchSize = 256;
        private Duration drainTimeout = Duration.ofSeconds(5);
        private QueueListener listener = new QueueListener() {};

        private Builder() {}

        /**
         * Adds a peer by its base URL, such as {@code http://am-1:9093}; a path in it is a path
         * prefix, user-info in it is used for basic auth (and never printed).
         *
         * @throws IllegalArgumentException if the URL is not absolute http or https
         */
        public Builder peer(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException("Alertmanager URL must be absolute http or https: "
                        + (uri.getRawUserInfo() == null ? uri : "(with user-info) " + uri.getHost()));
            }
            peers.add(uri);
            return this;
        }

        /** Adds peers; see {@link #peer(URI)}. */
        public Builder peers(Collection<URI> uris) {
            uris.forEach(this::peer);
            return this;
        }

        /** Sets a path prefix for every peer, such as {@code /alertmanager}; empty by default. */
        public Builder pathPrefix(String pathPrefix) {
            this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
            return this;
        }

        /** Sets how alerts are written; {@link Dialect#CANONICAL} by default. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Sets the codec whose validation alerts must pass; {@link AlertmanagerCodec#standard()} by default. */
        public Builder codec(AlertmanagerCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Sets the retry policy; {@link RetryPolicy#DEFAULT} by default. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Sets what waits between retries; {@code Thread.sleep} by default. For tests. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Sets the source of jitter, values in [0, 1). For tests. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Sets the monotonic clock (nanoseconds) that measures durations. For tests. */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** Sets the connect timeout, also used to lease a pooled connection; 5 s by default. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connect timeout");
            return this;
        }

        /** Sets the longest wait for an answer (and between bytes of it); 10 s by default. */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = positive(responseTimeout, "response timeout");
            return this;
        }

        /** Authenticates with HTTP basic auth; the password is read from the file on each request. */
        public Builder basicAuth(String username, Path passwordFile) {
            this.credentials = new Credentials(
                    "basic",
                    Objects.requireNonNull(username, "username"),
                    Objects.requireNonNull(passwordFile, "passwordFile"));
            return this;
        }

        /** Authenticates with a bearer token read from the file on each request. */
        public Builder bearerTokenFile(Path tokenFile) {
            this.credentials = new Credentials("bearer", null, Objects.requireNonNull(tokenFile, "tokenFile"));
            return this;
        }

        /** Trusts exactly the CA certificates in the PEM file for https peers. */
        public Builder caCertificates(Path pemFile) {
            this.caFile = Objects.requireNonNull(pemFile, "pemFile");
            return this;
        }

        /** Uses the given TLS context for https peers (instead of {@link #caCertificates(Path)}). */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** Sets how many alerts the send queue holds; 10,000 by default. */
        public Builder queueCapacity(int queueCapacity) {
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queue capacity must be at least 1: " + queueCapacity);
            }
            this.queueCapacity = queueCapacity;
            return this;
        }

        /** Sets how many queued alerts go into one request; 256 by default. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Sets how long {@link AlertmanagerClient#close()} keeps sending queued alerts; 5 s by default. */
        public Builder drainTimeout(Duration drainTimeout) {
            if (drainTimeout.isNegative()) {
                throw new IllegalArgumentException("drain timeout must not be negative: " + drainTimeout);
            }
            this.drainTimeout = drainTimeout;
            return this;
        }

        /** Sets who hears of drops and sent batches; nobody by default (see {@link AlertmanagerClient#stats()}). */
        public Builder listener(QueueListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Returns the client.
         *
         * @throws IllegalStateException if no peer was added
         * @throws IOException if the CA file cannot be read
         */
        public AlertmanagerClient build() throws IOException {
            if (peers.isEmpty()) {
                throw new IllegalStateException("no Alertmanager peer given");
            }
            SSLContext context =
                    sslContext != null ? sslContext : caFile != null ? TrustedCertificates.sslContext(caFile) : null;
            return new AlertmanagerClient(this, context);
        }

        private static Duration positive(Duration duration, String what) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
