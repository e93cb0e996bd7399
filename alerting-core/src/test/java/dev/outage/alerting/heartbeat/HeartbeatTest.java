package dev.outage.alerting.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.outage.alerting.client.AlertQuery;
import dev.outage.alerting.client.AlertmanagerClient;
import dev.outage.alerting.client.RetryPolicy;
import dev.outage.alerting.client.SendResult;
import dev.outage.alerting.codec.GettableAlert;
import dev.outage.alerting.config.EmailConfig;
import dev.outage.alerting.config.HostPort;
import dev.outage.alerting.config.TlsConfig;
import dev.outage.alerting.notify.EmailNotifier;
import dev.outage.alerting.testing.AlertmanagerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    @Test
    void beatKeepsTheWatchdogFiringInAlertmanagerForOneValidity() throws Exception {
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start("""
                        route: {receiver: blackhole}
                        receivers: [{name: blackhole}]
                        """);
                AlertmanagerClient client = AlertmanagerClient.builder()
                        .peer(alertmanager.baseUri())
                        .build();
                Heartbeat heartbeat = Heartbeat.builder(client)
                        .validity(Duration.ofMinutes(10))
                        .build()) {
            Instant before = Instant.now();

            SendResult result = heartbeat.beat();

            assertThat(result.isSuccess()).as(result.describe()).isTrue();
            assertThat(heartbeat.lastSuccess()).isAfterOrEqualTo(before);
            List<GettableAlert> alerts = client.alerts(AlertQuery.ALL);
            assertThat(alerts).hasSize(1);
            GettableAlert watchdog = alerts.get(0);
            assertThat(watchdog.alert().labels().get("alertname")).isEqualTo("Watchdog");
            assertThat(watchdog.alert().endsAt())
                    .isBetween(before.plus(Duration.ofMinutes(9)), before.plus(Duration.ofMinutes(11)));
        }
    }

    @Test
    void failedBeatsAreCountedUntilOneSucceeds() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (AlertmanagerClient client = AlertmanagerClient.builder()
                        .peer(URI.create("http://127.0.0.1:" + closed + "/"))
                        .retryPolicy(RetryPolicy.NONE)
                        .build();
                Heartbeat heartbeat = Heartbeat.builder(client).build()) {
            heartbeat.beat();
            SendResult second = heartbeat.beat();

            assertThat(second.isSuccess()).isFalse();
            assertThat(heartbeat.consecutiveFailures()).isEqualTo(2);
            assertThat(heartbeat.lastFailure()).contains("127.0.0.1:" + closed);
            assertThat(heartbeat.lastSuccess()).isNull();
        }
    }

    @Test
    void heartbeatThroughARealAlertmanagerReachesTheDeadMansSwitch() throws Exception {
        GreenMail inbox = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        inbox.start();
        EmailNotifier notifier = EmailNotifier.builder(new EmailConfig(
                        "ops@example.org",
                        "dms@example.org",
                        "localhost",
                        new HostPort(
                                "127.0.0.1", Integer.toString(inbox.getSmtp().getPort())),
                        "",
                        null,
                        "",
                        null,
                        "",
                        false,
                        TlsConfig.defaults(),
                        Map.of(),
                        EmailConfig.DEFAULT_HTML,
                        "",
                        true))
                .build();
        try (DeadMansSwitch dms = DeadMansSwitch.builder(notifier)
                        .deadline(Duration.ofMinutes(1))
                        .build();
                AlertmanagerProcess alertmanager = AlertmanagerProcess.start("""
                        route:
                          receiver: blackhole
                          routes:
                          - matchers: ['alertname="Watchdog"']
                            receiver: dead-mans-switch
                            group_wait: 0s
                            group_interval: 1s
                            repeat_interval: 1s
                        receivers:
                        - name: blackhole
                        - name: dead-mans-switch
                          webhook_configs: [{url: '%s'}]
                        """.formatted(dms.heartbeatUri()));
                AlertmanagerClient client = AlertmanagerClient.builder()
                        .peer(alertmanager.baseUri())
                        .build();
                Heartbeat heartbeat = Heartbeat.builder(client)
                        .interval(Duration.ofMillis(500))
                        .build()) {
            heartbeat.start();

            Instant deadline = Instant.now().plusSeconds(20);
            while (dms.lastHeartbeat() == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }

            assertThat(dms.lastHeartbeat()).as("webhook call from Alertmanager").isNotNull();
            dms.check();
            assertThat(dms.state()).isEqualTo(DeadMansSwitch.State.OK);
            assertThat(inbox.getReceivedMessages()).isEmpty();
        } finally {
            inbox.stop();
        }
    }
}
