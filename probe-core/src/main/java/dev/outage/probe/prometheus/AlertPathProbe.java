package dev.outage.probe.prometheus;

import dev.outage.alerting.model.LabelSet;
import dev.outage.probe.Probe;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.internal.HttpFetcher;
import dev.outage.probe.internal.ResultBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks that alerts can reach a human: Prometheus evaluates rules and has an Alertmanager to
 * send to, and each Alertmanager notifies somebody without failing.
 *
 * <p>From Prometheus it reads {@code /api/v1/alertmanagers}, {@code /api/v1/rules}, {@code
 * /api/v1/alerts} and {@code /metrics}; from each Alertmanager {@code /api/v2/status} (its loaded
 * configuration) and {@code /metrics}. Failures, with their rule ids:
 *
 * <ul>
 *   <li>{@code alerts-firing-without-alertmanager}: alerts are firing (or alerting rules are
 *       loaded) while Prometheus has no active Alertmanager: alerts evaluate into the void;
 *   <li>{@code notifications-failing}: Alertmanager counted failed notifications, failed
 *       notification requests or rejected alerts, every alert Prometheus sent to an Alertmanager
 *       failed, the root route's receiver has no notifier, or an Alertmanager cannot be reached.
 * </ul>
 *
 * <p>The counters are totals since each server started, so a failure long ago still shows until
 * the server restarts. In smoke mode the probe posts one test alert to the first Alertmanager and
 * waits until one more notification request succeeded ({@code
 * alertmanager_notification_requests_total} minus {@code ..._failed_total} grows: pass) or one
 * more failed (fail); the timeout must exceed the route's {@code group_wait}, and a notification
 * for another alert in that time counts as well.
 *
 * <pre>{@code
 * ProbeResult result = AlertPathProbe.builder()
 *         .prometheus(URI.create("http://127.0.0.1:9090"))
 *         .alertmanager(URI.create("http://127.0.0.1:9093"))
 *         .build()
 *         .probe();
 * }</pre>
 *
 * <p>When no Alertmanager is given, the ones Prometheus reports as active are checked.
 */
public final class AlertPathProbe implements Probe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String REQUESTS = "alertmanager_notification_requests_total";
    private static final String REQUESTS_FAILED = "alertmanager_notification_requests_failed_total";

    private final URI prometheus;
    private final List<URI> alertmanagers;
    private final LabelSet smokeLabels;
    private final Duration timeout;

    private AlertPathProbe(Builder b) {
        this.prometheus = b.prometheus;
        this.alertmanagers = List.copyOf(b.alertmanagers);
        this.smokeLabels = b.smokeLabels;
        this.timeout = b.timeout;
    }

    /** Returns a builder; at least a Prometheus or an Alertmanager URL must be set. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String describe() {
        return "alert-path " + target();
    }

    private String target() {
        List<String> parts = new ArrayList<>();
        if (prometheus != null) {
            parts.add(HttpFetcher.redact(prometheus));
        }
        alertmanagers.forEach(a -> parts.add(HttpFetcher.redact(a)));
        return String.join(" -> ", parts);
    }

    @Override
    public ProbeResult probe() {
        ResultBuilder result = new ResultBuilder("alert-path", target());
        HttpFetcher http = new HttpFetcher(timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            List<URI> targets = new ArrayList<>(alertmanagers);
            if (prometheus != null) {
                List<URI> discovered = checkPrometheus(http, deadline, result);
                if (targets.isEmpty()) {
                    targets.addAll(discovered);
                }
            }
            List<URI> reachable = new ArrayList<>();
            for (URI alertmanager : targets) {
                try {
                    checkAlertmanager(alertmanager, http, deadline, result);
                    reachable.add(alertmanager);
                } catch (Unreachable e) {
                    if (e.timedOut) {
                        throw e;
                    }
                    // A dead Alertmanager is a broken alert path, not a probe that could not run.
                    result.problem(ProbeRules.NOTIFICATIONS_FAILING, e.target, e.getMessage());
                }
            }
            if (smokeLabels != null && !reachable.isEmpty()) {
                smoke(reachable.get(0), http, deadline, result);
            }
        } catch (Unreachable e) {
            result.problem(ProbeRules.NOTIFICATIONS_FAILING, e.target, e.getMessage());
            return result.build(e.timedOut ? ProbeStatus.TIMED_OUT : ProbeStatus.ERROR, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.build(ProbeStatus.ERROR, "interrupted");
        }
        return result.finish("alerts can reach a notifier");
    }

    private List<URI> checkPrometheus(HttpFetcher http, long deadline, ResultBuilder result)
            throws Unreachable, InterruptedException {
        String where = HttpFetcher.redact(prometheus);
        JsonNode managers =
                getJson(http, prometheus, "/api/v1/alertmanagers", deadline).path("data");
        List<URI> active = new ArrayList<>();
        for (JsonNode am : managers.path("activeAlertmanagers")) {
            active.add(alertmanagerBase(am.path("url").asString()));
        }
        int dropped = managers.path("droppedAlertmanagers").size();
        Set<String> ruleNames = new LinkedHashSet<>();
        for (JsonNode group : getJson(http, prometheus, "/api/v1/rules?type=alert", deadline)
                .path("data")
                .path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if ("alerting".equals(rule.path("type").asString())) {
                    ruleNames.add(rule.path("name").asString());
                }
            }
        }
        Set<String> firing = new LinkedHashSet<>();
        int firingCount = 0;
        for (JsonNode alert : getJson(http, prometheus, "/api/v1/alerts", deadline)
                .path("data")
                .path("alerts")) {
            if ("firing".equals(alert.path("state").asString())) {
                firing.add(alert.path("labels").path("alertname").asString());
                firingCount++;
            }
        }
        result.fact("prometheus.active-alertmanagers", active.size())
                .fact("prometheus.dropped-alertmanagers", dropped)
                .fact("prometheus.alerting-rules", ruleNames.size())
                .fact("prometheus.firing-alerts", firingCount);
        if (active.isEmpty() && firingCount > 0) {
            result.problem(
                    ProbeRules.ALERTS_FIRING_WITHOUT_ALERTMANAGER,
                    where,
                    firingCount + " alert(s) firing (" + String.join(", ", firing)
                            + ") evaluate into the void: Prometheus has no active Alertmanager");
        } else if (active.isEmpty() && !ruleNames.isEmpty()) {
            result.problem(
                    ProbeRules.ALERTS_FIRING_WITHOUT_ALERTMANAGER,
                    where,
                    ruleNames.size()
                            + " alerting rule(s) are evaluated but Prometheus has no active Alertmanager: when they fire, nobody hears");
        }
        checkPrometheusMetrics(http, deadline, where, result);
        return active;
    }

    private void checkPrometheusMetrics(HttpFetcher http, long deadline, String where, ResultBuilder result)
            throws Unreachable, InterruptedException {
        MetricsSnapshot metrics = PrometheusTextParser.parse(get(http, prometheus, "/metrics", deadline));
        double dropped = metrics.sum("prometheus_notifications_dropped_total", LabelSet.empty());
        result.fact("prometheus.notifications-dropped", (long) dropped);
        // Alerts dropped before an Alertmanager was discovered stay in this counter for good, so it is
        // a fact; a failure is an Alertmanager to which every alert sent failed.
        for (MetricSample errors : metrics.samples("prometheus_notifications_errors_total", LabelSet.empty())) {
            String alertmanager = errors.labels().getOrEmpty("alertmanager");
            double sent = metrics.sum("prometheus_notifications_sent_total", LabelSet.of("alertmanager", alertmanager));
            if (errors.value() > 0 && errors.value() >= sent) {
                result.problem(
                        ProbeRules.NOTIFICATIONS_FAILING,
                        where,
                        "every alert Prometheus sent to " + alertmanager + " failed (" + (long) errors.value()
                                + " error(s), prometheus_notifications_errors_total)");
            }
        }
    }

    private void checkAlertmanager(URI alertmanager, HttpFetcher http, long deadline, ResultBuilder result)
            throws Unreachable, InterruptedException {
        String where = HttpFetcher.redact(alertmanager);
        JsonNode status = getJson(http, alertmanager, "/api/v2/status", deadline);
        String original = status.path("config").path("original").asString("");
        checkRootReceiver(original, where, result);
        MetricsSnapshot metrics = PrometheusTextParser.parse(get(http, alertmanager, "/metrics", deadline));
        result.fact(where + ".notifications", (long) metrics.sum("alertmanager_notifications_total", LabelSet.empty()));
        for (MetricSample failed : metrics.samples("alertmanager_notifications_failed_total", LabelSet.empty())) {
            if (failed.value() > 0) {
                result.problem(
                        ProbeRules.NOTIFICATIONS_FAILING,
                        where,
                        (long) failed.value() + " "
                                + failed.labels().getOrEmpty("integration")
                                + " notification(s) failed for good since Alertmanager started (alertmanager_notifications_failed_total)");
            }
        }
        for (MetricSample failed : metrics.samples(REQUESTS_FAILED, LabelSet.empty())) {
            if (failed.value() > 0) {
                result.problem(
                        ProbeRules.NOTIFICATIONS_FAILING,
                        where,
                        (long) failed.value() + " "
                                + failed.labels().getOrEmpty("integration")
                                + " notification request(s) failed since Alertmanager started (" + REQUESTS_FAILED
                                + ")");
            }
        }
        double invalid = metrics.sum("alertmanager_alerts_invalid_total", LabelSet.empty());
        if (invalid > 0) {
            result.problem(
                    ProbeRules.NOTIFICATIONS_FAILING,
                    where,
                    "Alertmanager rejected " + (long) invalid
                            + " invalid alert(s) since it started (alertmanager_alerts_invalid_total): they were dropped");
        }
    }

    private static void checkRootReceiver(String configYaml, String where, ResultBuilder result) {
        JsonNode config;
        try {
            config = YAML.readTree(configYaml);
        } catch (JacksonException e) {
            result.problem(
                    ProbeRules.NOTIFICATIONS_FAILING,
                    where,
                    "its loaded configuration cannot be read: " + e.getOriginalMessage());
            return;
        }
        String root = config.path("route").path("receiver").asString("");
        result.fact(where + ".root-receiver", root);
        for (JsonNode receiver : config.path("receivers")) {
            if (root.equals(receiver.path("name").asString())) {
                if (!hasNotifier(receiver)) {
                    result.problem(
                            ProbeRules.NOTIFICATIONS_FAILING,
                            where,
                            "the root route's receiver '" + root
                                    + "' has no notifier: alerts that match no sub-route reach nobody");
                }
                return;
            }
        }
        result.problem(
                ProbeRules.NOTIFICATIONS_FAILING, where, "the root route's receiver '" + root + "' is not defined");
    }

    private static boolean hasNotifier(JsonNode receiver) {
        for (Map.Entry<String, JsonNode> field : receiver.properties()) {
            if (field.getKey().endsWith("_configs")
                    && field.getValue().isArray()
                    && !field.getValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void smoke(URI alertmanager, HttpFetcher http, long deadline, ResultBuilder result)
            throws Unreachable, InterruptedException {
        String where = HttpFetcher.redact(alertmanager);
        MetricsSnapshot before = PrometheusTextParser.parse(get(http, alertmanager, "/metrics", deadline));
        double failed = before.sum(REQUESTS_FAILED, LabelSet.empty());
        double delivered = before.sum(REQUESTS, LabelSet.empty()) - failed;
        post(http, alertmanager, "/api/v2/alerts", smokeAlert(), deadline);
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            MetricsSnapshot now = PrometheusTextParser.parse(get(http, alertmanager, "/metrics", deadline));
            double failedNow = now.sum(REQUESTS_FAILED, LabelSet.empty());
            if (failedNow > failed) {
                result.problem(
                        ProbeRules.NOTIFICATIONS_FAILING,
                        where,
                        "the smoke-test alert's notification failed (" + REQUESTS_FAILED + " grew)");
                return;
            }
            if (now.sum(REQUESTS, LabelSet.empty()) - failedNow > delivered) {
                result.fact("smoke", "notified");
                return;
            }
        }
        throw new Unreachable(
                where,
                "the smoke-test alert caused no notification within " + timeout.toMillis()
                        + " ms (is the route's group_wait longer?)",
                true);
    }

    private String smokeAlert() {
        ArrayNode alerts = JSON.createArrayNode();
        ObjectNode alert = alerts.addObject();
        ObjectNode labels = alert.putObject("labels");
        smokeLabels.forEach(label -> labels.put(label.getKey(), label.getValue()));
        alert.putObject("annotations").put("summary", "outage alert-path smoke test; resolves by itself");
        Instant now = Instant.now();
        alert.put("startsAt", now.toString())
                .put("endsAt", now.plus(Duration.ofMinutes(5)).toString());
        return JSON.writeValueAsString(alerts);
    }

    // Prometheus reports the push endpoint (http://host:9093/api/v2/alerts); the API root is above it.
    static URI alertmanagerBase(String url) {
        String base = url.replaceFirst("/api/v[12]/alerts/?$", "");
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    private static JsonNode getJson(HttpFetcher http, URI base, String path, long deadline)
            throws Unreachable, InterruptedException {
        String body = get(http, base, path, deadline);
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Unreachable(
                    HttpFetcher.redact(base),
                    HttpFetcher.redact(base) + path + " did not answer JSON: " + e.getOriginalMessage(),
                    false);
        }
    }

    private static String get(HttpFetcher http, URI base, String path, long deadline)
            throws Unreachable, InterruptedException {
        return send(http, base, path, null, deadline);
    }

    private static void post(HttpFetcher http, URI base, String path, String json, long deadline)
            throws Unreachable, InterruptedException {
        send(http, base, path, json, deadline);
    }

    private static String send(HttpFetcher http, URI base, String path, String json, long deadline)
            throws Unreachable, InterruptedException {
        String where = HttpFetcher.redact(base);
        int query = path.indexOf('?');
        URI uri = HttpFetcher.resolve(base, query < 0 ? path : path.substring(0, query));
        if (query >= 0) {
            uri = URI.create(uri + path.substring(query));
        }
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw new Unreachable(where, "the alert path was not checked in full within the timeout", true);
        }
        HttpFetcher.Reply reply;
        try {
            reply = json == null ? http.get(uri, left) : http.postJson(uri, json, left);
        } catch (TimeoutException e) {
            throw new Unreachable(where, where + path + " did not answer within the timeout", true);
        } catch (IOException e) {
            throw new Unreachable(where, "cannot reach " + where + ": " + HttpFetcher.describe(e), false);
        }
        if (reply.status() / 100 != 2) {
            throw new Unreachable(where, where + path + " answered HTTP " + reply.status(), false);
        }
        return reply.body();
    }

    /** A server of the alert path could not be asked. */
    private static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String target;
        private final boolean timedOut;

        Unreachable(String target, String message, boolean timedOut) {
            super(message, null, false, false);
            this.target = target;
            this.timedOut = timedOut;
        }
    }

    /** Configures an {@link AlertPathProbe}; not thread-safe. */
    public static final class Builder {
        private URI prometheus;
        private final List<URI> alertmanagers = new ArrayList<>();
        private LabelSet smokeLabels;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {}

        /** Sets the Prometheus server's base URL, e.g. {@code http://127.0.0.1:9090}. */
        public Builder prometheus(URI prometheus) {
            this.prometheus = checkUrl(prometheus);
            return this;
        }

        /** Adds an Alertmanager's base URL, e.g. {@code http://127.0.0.1:9093}. */
        public Builder alertmanager(URI alertmanager) {
            alertmanagers.add(checkUrl(alertmanager));
            return this;
        }

        /**
         * Turns on smoke mode: one alert with these labels (plus {@code alertname=OutageSmokeTest}
         * unless given) is posted to the first Alertmanager, ending by itself after five minutes.
         */
        public Builder smokeTest(LabelSet labels) {
            LabelSet l = Objects.requireNonNull(labels, "labels");
            this.smokeLabels = l.contains("alertname") ? l : l.with("alertname", "OutageSmokeTest");
            return this;
        }

        /** Sets the deadline for the whole check, smoke test included; default 30 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Returns the probe.
         *
         * @throws IllegalStateException when neither a Prometheus nor an Alertmanager is set
         */
        public AlertPathProbe build() {
            if (prometheus == null && alertmanagers.isEmpty()) {
                throw new IllegalStateException("alert-path probe needs a Prometheus or an Alertmanager URL");
            }
            return new AlertPathProbe(this);
        }

        private static URI checkUrl(URI uri) {
            Objects.requireNonNull(uri, "uri");
            if (!uri.isAbsolute()
                    || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL: '" + HttpFetcher.redact(uri) + "'");
            }
            return uri;
        }
    }
}
