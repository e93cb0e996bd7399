package dev.outage.alerting.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.alerting.codec.AlertmanagerCodec;
import dev.outage.alerting.codec.Silence;
import dev.outage.alerting.codec.SilenceState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AlertmanagerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeAlertmanagerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static URI previousFake;

    /** Injected by the extension before each test. */
    FakeAlertmanager fake;

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(fake.baseUri().resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(fake.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void acceptsCanonicalAlertsRecordsThemAndServesThemBack() throws Exception {
        previousFake = fake.baseUri();
        assertThat(post("api/v2/alerts", "[{\"labels\":{\"alertname\":\"A\"}}]").statusCode())
                .isEqualTo(200);

        RecordedRequest request = fake.takeRequest(Duration.ofSeconds(1));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v2/alerts");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(fake.receivedAlerts())
                .extracting(a -> a.labels().get("alertname"))
                .containsExactly("A");
        assertThat(AlertmanagerCodec.standard()
                        .decodeGettableAlerts(get("api/v2/alerts").body().getBytes()))
                .singleElement()
                .satisfies(a -> assertThat(a.receivers()).containsExactly(FakeAlertmanager.RECEIVER));
        assertThat(AlertmanagerCodec.standard()
                        .decodeAlertGroups(get("api/v2/alerts/groups").body().getBytes()))
                .hasSize(1);
        assertThat(AlertmanagerCodec.standard()
                        .decodeStatus(get("api/v2/status").body().getBytes())
                        .version())
                .isEqualTo("fake");
    }

    @Test
    @Order(2)
    void theExtensionClosedThePreviousFake() {
        assertThat(previousFake).isNotNull().isNotEqualTo(fake.baseUri());
        assertThatThrownBy(() -> HTTP.send(
                        HttpRequest.newBuilder(previousFake.resolve("-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void refusesInvalidAlertsAndWrappedBodiesLikeAlertmanager() throws Exception {
        HttpResponse<String> invalid = post("api/v2/alerts", "[{\"labels\":{\"a-b\":\"1\"}}]");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("invalid label set");
        assertThat(post("api/v2/alerts", "{\"alerts\":[{\"labels\":{\"a\":\"1\"}}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(fake.receivedAlerts()).isEmpty();
    }

    @Test
    void answersLikeAWrappedOnlyReceiverWhenToldTo() throws Exception {
        fake.answerWrappedOnly();
        assertThat(post("api/v2/alerts", "[{\"labels\":{\"a\":\"1\"}}]").statusCode())
                .isEqualTo(400);
        assertThat(post("api/v2/alerts", "{\"alerts\":[{\"labels\":{\"a\":\"1\"}}]}")
                        .statusCode())
                .isEqualTo(200);
        fake.answerNormally();
        assertThat(post("api/v2/alerts", "[{\"labels\":{\"a\":\"1\"}}]").statusCode())
                .isEqualTo(200);
    }

    @Test
    void failsDropsAndReportsReadiness() throws Exception {
        fake.failNext(1, 502);
        assertThat(get("api/v2/status").statusCode()).isEqualTo(502);
        assertThat(get("api/v2/status").statusCode()).isEqualTo(200);
        fake.failWith(500);
        assertThat(get("api/v2/alerts").statusCode()).isEqualTo(500);
        assertThat(get("-/ready").statusCode()).isEqualTo(200);
        fake.setReady(false);
        assertThat(get("-/ready").statusCode()).isEqualTo(503);
        fake.dropConnections();
        assertThatThrownBy(() -> get("api/v2/status")).isInstanceOf(IOException.class);
        assertThat(fake.requestCount()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void keepsSilencesMinimally() throws Exception {
        HttpResponse<String> created = post(
                "api/v2/silences",
                "{\"matchers\":[{\"name\":\"a\",\"value\":\"1\","
                        + "\"isRegex\":false}],\"startsAt\":\"2020-01-01T00:00:00Z\",\"endsAt\":\"2999-01-01T00:00:00Z\","
                        + "\"createdBy\":\"me\",\"comment\":\"c\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = AlertmanagerCodec.standard().decodeSilenceId(created.body().getBytes());
        Silence silence = AlertmanagerCodec.standard()
                .decodeSilence(get("api/v2/silence/" + id).body().getBytes());
        assertThat(silence.state()).isEqualTo(SilenceState.ACTIVE);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(fake.baseUri().resolve("api/v2/silence/" + id))
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
        List<Silence> silences = AlertmanagerCodec.standard()
                .decodeSilences(get("api/v2/silences").body().getBytes());
        assertThat(silences).singleElement().extracting(Silence::state).isEqualTo(SilenceState.EXPIRED);
        assertThat(post("api/v2/silences", "{\"matchers\":[]}").statusCode()).isEqualTo(400);
    }

    @Test
    void delaysAnswers() throws Exception {
        fake.delay(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(get("-/healthy").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void injectsRealAlertmanagerParametersWithTheirConfiguration(
            @AlertmanagerConfig("route: {receiver: injected}\nreceivers: [{name: injected}]\n")
                    AlertmanagerProcess alertmanager)
            throws Exception {
        HttpResponse<String> status = HTTP.send(
                HttpRequest.newBuilder(alertmanager.baseUri().resolve("api/v2/status"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.body()).contains("injected");
    }
}
