package dev.outage.probe.http;

import dev.outage.probe.Probe;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.internal.HttpFetcher;
import dev.outage.probe.internal.ResultBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a service's health endpoint: one GET, the status code, optional JSON pointer assertions
 * on the body, and optionally the latency.
 *
 * <pre>{@code
 * ProbeResult result = HttpHealthProbe.builder(URI.create("http://127.0.0.1:8080/health"))
 *         .expectJson(JsonAssertion.parse("/status=true"))
 *         .timeout(Duration.ofSeconds(5))
 *         .build()
 *         .probe();
 * }</pre>
 *
 * <p>Redirects are not followed (a health check that redirects is reported as its 3xx status).
 * User-info, query and fragment of the URL never appear in the result.
 */
public final class HttpHealthProbe implements Probe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI uri;
    private final Integer expectedStatus;
    private final List<JsonAssertion> assertions;
    private final Duration maxLatency;
    private final Duration timeout;

    private HttpHealthProbe(Builder b) {
        this.uri = b.uri;
        this.expectedStatus = b.expectedStatus;
        this.assertions = List.copyOf(b.assertions);
        this.maxLatency = b.maxLatency;
        this.timeout = b.timeout;
    }

    /**
     * Returns a builder for a probe of the URL.
     *
     * @throws IllegalArgumentException when the URL is not absolute http or https
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    @Override
    public String describe() {
        return "http " + HttpFetcher.redact(uri);
    }

    @Override
    public ProbeResult probe() {
        String target = HttpFetcher.redact(uri);
        ResultBuilder result = new ResultBuilder("http", target);
        HttpFetcher.Reply reply;
        try {
            reply = new HttpFetcher(timeout).get(uri, timeout);
        } catch (TimeoutException e) {
            String cause = "no reply within " + timeout.toMillis() + " ms";
            result.problem(ProbeRules.SERVICE_UNHEALTHY, target, cause);
            return result.build(ProbeStatus.TIMED_OUT, cause);
        } catch (IOException e) {
            String cause = "cannot reach " + target + ": " + HttpFetcher.describe(e);
            result.problem(ProbeRules.SERVICE_UNHEALTHY, target, cause);
            return result.build(ProbeStatus.FAILED, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.build(ProbeStatus.ERROR, "interrupted");
        }
        result.fact("status", reply.status()).fact("latency-ms", reply.latency().toMillis());
        check(reply, target, result);
        return result.finish("HTTP " + reply.status() + " in " + reply.latency().toMillis() + " ms");
    }

    private void check(HttpFetcher.Reply reply, String target, ResultBuilder result) {
        boolean statusOk = expectedStatus != null ? reply.status() == expectedStatus : reply.status() / 100 == 2;
        if (!statusOk) {
            result.problem(
                    ProbeRules.SERVICE_UNHEALTHY,
                    target,
                    "HTTP status " + reply.status() + ", expected "
                            + (expectedStatus != null ? expectedStatus : "2xx"));
        }
        if (maxLatency != null && reply.latency().compareTo(maxLatency) > 0) {
            result.problem(
                    ProbeRules.SERVICE_UNHEALTHY,
                    target,
                    "answered in " + reply.latency().toMillis() + " ms, more than the allowed " + maxLatency.toMillis()
                            + " ms");
        }
        if (assertions.isEmpty()) {
            return;
        }
        JsonNode document;
        try {
            document = JSON.readTree(reply.body());
        } catch (JacksonException e) {
            result.problem(ProbeRules.SERVICE_UNHEALTHY, target, "reply is not JSON: " + e.getOriginalMessage());
            return;
        }
        for (JsonAssertion assertion : assertions) {
            String failure = assertion.check(document);
            if (failure != null) {
                result.problem(ProbeRules.SERVICE_UNHEALTHY, target, failure);
            }
        }
    }

    /** Configures an {@link HttpHealthProbe}; not thread-safe. */
    public static final class Builder {
        private final URI uri;
        private Integer expectedStatus;
        private final List<JsonAssertion> assertions = new ArrayList<>();
        private Duration maxLatency;
        private Duration timeout = Duration.ofSeconds(10);

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL: '" + HttpFetcher.redact(uri) + "'");
            }
        }

        /** Requires exactly this status code; by default any 2xx passes. */
        public Builder expectStatus(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status code: " + status);
            }
            this.expectedStatus = status;
            return this;
        }

        /** Adds an assertion on the JSON body. */
        public Builder expectJson(JsonAssertion assertion) {
            assertions.add(Objects.requireNonNull(assertion, "assertion"));
            return this;
        }

        /** Fails the probe when the reply takes longer than this; by default latency is only reported. */
        public Builder maxLatency(Duration maxLatency) {
            this.maxLatency = maxLatency;
            return this;
        }

        /** Sets the deadline for connecting and reading the whole reply; default 10 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Returns the probe. */
        public HttpHealthProbe build() {
            return new HttpHealthProbe(this);
        }
    }
}
