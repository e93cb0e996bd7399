package dev.outage.probe.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.testing.AlertmanagerProcess;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.testing.LocalHttpServer;
import dev.outage.probe.testing.PrometheusProcess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the alert-path probe against a real Prometheus with an always-firing rule and real Alertmanagers. */
class AlertPathProbeTest {

    private static String webhookConfig(LocalHttpServer hook) {
        return """
                route:
                  receiver: hook
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: hook
                    webhook_configs:
                      - url: %s
                        max_alerts: 0
                """.formatted(hook.uri("/hook"));
    }

    @Test
    void firingAlertsWithoutAnAlertmanagerEvaluateIntoTheVoid() throws IOException {
        try (PrometheusProcess prometheus = PrometheusProcess.start(PrometheusProcess.ALWAYS_FIRING, null)) {
            prometheus.awaitFiring(Duration.ofSeconds(30));

            ProbeResult result = AlertPathProbe.builder()
                    .prometheus(prometheus.baseUri())
                    .build()
                    .probe();

            assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.ruleId()).isEqualTo(ProbeRules.ALERTS_FIRING_WITHOUT_ALERTMANAGER);
                assertThat(p.message()).contains("(AlwaysFiring) evaluate into the void");
            });
            assertThat(result.facts())
                    .containsEntry("prometheus.active-alertmanagers", "0")
                    .containsEntry("prometheus.alerting-rules", "1");
        }
    }

    @Test
    void prometheusWithAWorkingAlertmanagerPassesAndTheAlertReachesTheWebhook() throws Exception {
        try (LocalHttpServer hook = LocalHttpServer.start();
                AlertmanagerProcess alertmanager = AlertmanagerProcess.start(webhookConfig(hook));
                PrometheusProcess prometheus =
                        PrometheusProcess.start(PrometheusProcess.ALWAYS_FIRING, alertmanager.baseUri())) {
            prometheus.awaitAlertmanager(Duration.ofSeconds(30));
            prometheus.awaitFiring(Duration.ofSeconds(30));

            ProbeResult result = AlertPathProbe.builder()
                    .prometheus(prometheus.baseUri())
                    .build()
                    .probe();

            assertThat(result.problems()).isEmpty();
            assertThat(result.status()).isEqualTo(ProbeStatus.PASSED);
            assertThat(result.facts())
                    .containsEntry("prometheus.active-alertmanagers", "1")
                    .containsEntry(base(alertmanager) + ".root-receiver", "hook");
            awaitRequests(hook, 1);
        }
    }

    @Test
    void aRootReceiverWithoutNotifierIsAFailure() throws IOException {
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start("""
                route: {receiver: blackhole}
                receivers: [{name: blackhole}]
                """)) {
            ProbeResult result = AlertPathProbe.builder()
                    .alertmanager(alertmanager.baseUri())
                    .build()
                    .probe();

            assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.ruleId()).isEqualTo(ProbeRules.NOTIFICATIONS_FAILING);
                assertThat(p.message()).contains("receiver 'blackhole' has no notifier");
            });
        }
    }

    @Test
    void smokeTestPassesWhenTheReceiverGetsTheNotification() throws Exception {
        try (LocalHttpServer hook = LocalHttpServer.start();
                AlertmanagerProcess alertmanager = AlertmanagerProcess.start(webhookConfig(hook))) {
            ProbeResult result = AlertPathProbe.builder()
                    .alertmanager(alertmanager.baseUri())
                    .smokeTest(LabelSet.of("severity", "none"))
                    .timeout(Duration.ofSeconds(20))
                    .build()
                    .probe();

            assertThat(result.status()).isEqualTo(ProbeStatus.PASSED);
            assertThat(result.facts()).containsEntry("smoke", "notified");
            assertThat(hook.requests()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void smokeTestFailsWhenTheReceiverRejectsNotificationsAndLaterChecksSeeTheFailures() throws IOException {
        try (LocalHttpServer hook = LocalHttpServer.start().answer(500, "{\"error\":\"down\"}");
                AlertmanagerProcess alertmanager = AlertmanagerProcess.start(webhookConfig(hook))) {
            ProbeResult smoke = AlertPathProbe.builder()
                    .alertmanager(alertmanager.baseUri())
                    .smokeTest(LabelSet.empty())
                    .timeout(Duration.ofSeconds(20))
                    .build()
                    .probe();
            ProbeResult later = AlertPathProbe.builder()
                    .alertmanager(alertmanager.baseUri())
                    .build()
                    .probe();

            assertThat(smoke.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(smoke.cause()).contains("smoke-test alert's notification failed");
            assertThat(later.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(later.problems())
                    .anySatisfy(p -> assertThat(p.message()).contains("webhook notification request(s) failed"));
        }
    }

    @Test
    void aDeadAlertmanagerIsAFailedAlertPathAndTheOthersAreStillChecked() throws IOException {
        int dead;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = socket.getLocalPort();
        }
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start("""
                route: {receiver: blackhole}
                receivers: [{name: blackhole}]
                """)) {
            ProbeResult result = AlertPathProbe.builder()
                    .alertmanager(URI.create("http://127.0.0.1:" + dead))
                    .alertmanager(alertmanager.baseUri())
                    .build()
                    .probe();

            assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(result.problems())
                    .extracting(p -> p.message())
                    .anySatisfy(m -> assertThat(m)
                            .contains("cannot reach http://127.0.0.1:" + dead)
                            .contains("refused"))
                    .anySatisfy(m -> assertThat(m).contains("receiver 'blackhole' has no notifier"));
        }
    }

    @Test
    void aHangingAlertmanagerEndsAtTheTimeout() throws IOException {
        try (LocalHttpServer hanging = LocalHttpServer.start().hang()) {
            ProbeResult result = AlertPathProbe.builder()
                    .alertmanager(hanging.uri("/"))
                    .timeout(Duration.ofMillis(800))
                    .build()
                    .probe();

            assertThat(result.status()).isEqualTo(ProbeStatus.TIMED_OUT);
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void findsTheApiRootAbovePrometheusPushEndpoint() {
        assertThat(AlertPathProbe.alertmanagerBase("http://127.0.0.1:9093/api/v2/alerts"))
                .isEqualTo(URI.create("http://127.0.0.1:9093"));
        assertThat(AlertPathProbe.alertmanagerBase("http://host/am/api/v1/alerts"))
                .isEqualTo(URI.create("http://host/am"));
    }

    private static String base(AlertmanagerProcess alertmanager) {
        String uri = alertmanager.baseUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static void awaitRequests(LocalHttpServer hook, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (hook.requests() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(hook.requests()).as("webhook requests").isGreaterThanOrEqualTo(count);
    }
}
