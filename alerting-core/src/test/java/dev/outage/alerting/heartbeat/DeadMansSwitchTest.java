package dev.outage.alerting.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.outage.alerting.config.EmailConfig;
import dev.outage.alerting.config.HostPort;
import dev.outage.alerting.config.TlsConfig;
import dev.outage.alerting.notify.DeliveryResult;
import dev.outage.alerting.notify.EmailNotifier;
import dev.outage.alerting.notify.RetryPolicy;
import dev.outage.alerting.testing.ManualClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadMansSwitchTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private GreenMail inbox;

    private final DeadMansSwitch.Listener listener = new DeadMansSwitch.Listener() {
        @Override
        public void heartbeatMissed(Instant lastHeartbeat, DeliveryResult.Delivered result) {
            events.add("missed " + lastHeartbeat);
        }

        @Override
        public void heartbeatRestored(Instant heartbeat, DeliveryResult result) {
            events.add("restored " + result.isDelivered());
        }

        @Override
        public void deliveryFailing(int consecutiveFailures, DeliveryResult.Failed last) {
            events.add("failing " + consecutiveFailures + " " + last.kind());
        }
    };

    @BeforeEach
    void startInbox() {
        inbox = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        inbox.start();
    }

    @AfterEach
    void stopInbox() {
        inbox.stop();
    }

    private static EmailNotifier notifier(int port) throws Exception {
        return EmailNotifier.builder(new EmailConfig(
                        "ops@example.org",
                        "dms@example.org",
                        "localhost",
                        new HostPort("127.0.0.1", Integer.toString(port)),
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
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    private DeadMansSwitch dms(EmailNotifier notifier) throws Exception {
        return DeadMansSwitch.builder(notifier)
                .deadline(Duration.ofMinutes(5))
                .clock(clock)
                .listener(listener)
                .build();
    }

    private static HttpResponse<String> post(java.net.URI uri) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void heartbeatsWithinTheDeadlineKeepItQuiet() throws Exception {
        try (DeadMansSwitch dms = dms(notifier(inbox.getSmtp().getPort()))) {
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofMinutes(4));
                assertThat(post(dms.heartbeatUri()).statusCode()).isEqualTo(200);
                dms.check();
            }

            assertThat(dms.state()).isEqualTo(DeadMansSwitch.State.OK);
            assertThat(inbox.getReceivedMessages()).isEmpty();
            assertThat(HTTP.send(HttpRequest.newBuilder(dms.statusUri()).build(), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("\"state\":\"ok\"")
                    .contains("\"heartbeats\":5");
        }
    }

    @Test
    void emailsOnceWhenTheHeartbeatStopsAndAgainWhenItComesBack() throws Exception {
        try (DeadMansSwitch dms = dms(notifier(inbox.getSmtp().getPort()))) {
            post(dms.heartbeatUri());
            clock.advance(Duration.ofMinutes(5));
            dms.check();
            assertThat(inbox.getReceivedMessages()).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            dms.check();
            clock.advance(Duration.ofMinutes(10));
            dms.check();

            assertThat(inbox.getReceivedMessages()).hasSize(1);
            assertThat(inbox.getReceivedMessages()[0].getSubject()).isEqualTo("[FIRING:1] DeadMansSwitch critical ");
            assertThat(dms.state()).isEqualTo(DeadMansSwitch.State.MISSED);

            post(dms.heartbeatUri());
            dms.check();

            assertThat(inbox.getReceivedMessages()).hasSize(2);
            assertThat(inbox.getReceivedMessages()[1].getSubject()).isEqualTo("[RESOLVED] DeadMansSwitch critical ");
            assertThat(dms.state()).isEqualTo(DeadMansSwitch.State.OK);
            assertThat(events).containsExactly("missed 2026-06-01T12:00:00Z", "restored true");
        }
    }

    @Test
    void reportsItselfWhenItsOwnEmailKeepsFailing() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (DeadMansSwitch dms = dms(notifier(closed))) {
            clock.advance(Duration.ofMinutes(6));
            for (int i = 0; i < 4; i++) {
                dms.check();
            }

            assertThat(events).containsExactly("failing 3 CONNECTION", "failing 4 CONNECTION");
            assertThat(dms.state()).isEqualTo(DeadMansSwitch.State.DELIVERY_FAILING);
            HttpResponse<String> status =
                    HTTP.send(HttpRequest.newBuilder(dms.statusUri()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(503);
            assertThat(status.body())
                    .contains("\"state\":\"delivery-failing\"")
                    .contains("\"consecutiveDeliveryFailures\":4");
        }
    }
}
