package dev.outage.alerting.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.testing.AlertmanagerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Compares the codec with a real Alertmanager: verdicts, fingerprints and what it returns. */
class AlertmanagerParityTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static AlertmanagerProcess alertmanager;

    @BeforeAll
    static void startAlertmanager() throws IOException {
        alertmanager = AlertmanagerProcess.start("""
                route:
                  receiver: blackhole
                  group_by: [alertname]
                receivers:
                  - name: blackhole
                """);
    }

    @AfterAll
    static void stopAlertmanager() {
        alertmanager.close();
    }

    record Case(String name, String verdict, byte[] body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> payloads() throws IOException {
        return cases("parity-payloads.txt", false);
    }

    static List<Case> differences() throws IOException {
        return cases("parity-differences.txt", true);
    }

    private static List<Case> cases(String resource, boolean withVerdict) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = AlertmanagerParityTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", withVerdict ? 3 : 2);
                String body = parts[parts.length - 1];
                cases.add(new Case(parts[0], withVerdict ? parts[1] : "", body.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return cases;
    }

    private static HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(alertmanager.baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] get(String path) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(alertmanager.baseUri().resolve(path)).build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void givesTheSameVerdictAsAlertmanager(Case payload) throws Exception {
        HttpResponse<String> response = post("api/v2/alerts", payload.body());
        DecodedAlerts decoded = AlertmanagerCodec.standard().decodeAlerts(payload.body());

        boolean alertmanagerAccepts = response.statusCode() / 100 == 2;
        assertThat(decoded.isAccepted())
                .as(
                        "Alertmanager answered %d %s; we found %s",
                        response.statusCode(), response.body(), decoded.problems())
                .isEqualTo(alertmanagerAccepts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void documentedDifferencesAreStillDifferences(Case difference) throws Exception {
        HttpResponse<String> response = post("api/v2/alerts", difference.body());
        DecodedAlerts decoded = AlertmanagerCodec.standard().decodeAlerts(difference.body());

        assertThat(response.statusCode() / 100 == 2)
                .isEqualTo(difference.verdict().equals("accept"));
        assertThat(decoded.isAccepted()).isNotEqualTo(difference.verdict().equals("accept"));
    }

    @Test
    void invalidUtf8BytesAreReplacedByAlertmanagerButRefusedByUs() throws Exception {
        byte[] body = "[{\"labels\":{\"a\":\"x\u0000y\"}}]".getBytes(StandardCharsets.UTF_8);
        body[body.length - 6] = (byte) 0xff;

        assertThat(post("api/v2/alerts", body).statusCode()).isEqualTo(200);
        DecodedAlerts decoded = AlertmanagerCodec.standard().decodeAlerts(body);
        assertThat(decoded.isAccepted()).isFalse();
        assertThat(decoded.problems().get(0).line()).isEqualTo(1);
    }

    @Test
    void fingerprintsEqualThoseAlertmanagerReports() throws Exception {
        List<LabelSet> labelSets = List.of(
                LabelSet.of("alertname", "FingerprintA"),
                LabelSet.of("alertname", "FingerprintB", "instance", "studio:8080", "severity", "page"),
                LabelSet.of("alertname", "FingerprintC", "job", "Grüße 日本 🚨", "z", "\"quoted\" \\ back"),
                LabelSet.of("alertname", "FingerprintD", "a", "x\ny", "b", String.valueOf((char) 0xff)));
        List<Alert> alerts =
                labelSets.stream().map(l -> Alert.builder(l).build()).toList();
        assertThat(post("api/v2/alerts", AlertmanagerCodec.standard().encodeAlerts(alerts, Dialect.CANONICAL))
                        .statusCode())
                .isEqualTo(200);

        Map<String, String> reported =
                AlertmanagerCodec.standard()
                        .decodeGettableAlerts(get("api/v2/alerts?filter=alertname%3D~%22Fingerprint.%22"))
                        .stream()
                        .collect(
                                Collectors.toMap(a -> a.alert().labels().get("alertname"), GettableAlert::fingerprint));

        assertThat(reported).hasSize(labelSets.size());
        for (LabelSet labels : labelSets) {
            assertThat(reported.get(labels.get("alertname"))).as("%s", labels).isEqualTo(labels.fingerprintHex());
        }
    }

    @Test
    void readsWhatAlertmanagerReturnsForAlertsAndGroups() throws Exception {
        Instant startsAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Alert alert = Alert.builder(LabelSet.of("alertname", "RoundTrip", "severity", "page"))
                .annotation("summary", "disk full, again")
                .startsAt(startsAt)
                .generatorUrl("http://127.0.0.1:9090/graph?g0.expr=up")
                .build();
        assertThat(post("api/v2/alerts", AlertmanagerCodec.standard().encodeAlerts(List.of(alert), Dialect.CANONICAL))
                        .statusCode())
                .isEqualTo(200);

        List<GettableAlert> alerts = AlertmanagerCodec.standard()
                .decodeGettableAlerts(get("api/v2/alerts?filter=alertname%3D%22RoundTrip%22"));
        assertThat(alerts).hasSize(1);
        GettableAlert gettable = alerts.get(0);
        assertThat(gettable.alert().labels()).isEqualTo(alert.labels());
        assertThat(gettable.alert().annotations()).isEqualTo(alert.annotations());
        assertThat(gettable.alert().startsAt()).isEqualTo(startsAt);
        assertThat(gettable.alert().endsAt()).isAfter(startsAt);
        assertThat(gettable.alert().generatorUrl()).isEqualTo(alert.generatorUrl());
        assertThat(gettable.receivers()).containsExactly("blackhole");
        assertThat(gettable.updatedAt()).isAfter(startsAt);

        List<AlertGroup> groups = AlertmanagerCodec.standard().decodeAlertGroups(get("api/v2/alerts/groups"));
        assertThat(groups)
                .filteredOn(g -> "RoundTrip".equals(g.labels().get("alertname")))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.receiver()).isEqualTo("blackhole");
                    assertThat(g.alerts())
                            .extracting(GettableAlert::fingerprint)
                            .containsExactly(gettable.fingerprint());
                });
    }

    @Test
    void createsSilencesAlertmanagerReadsBack() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PostableSilence silence = new PostableSilence(
                null,
                List.of(SilenceMatcher.equal("alertname", "Silenced"), new SilenceMatcher("job", "a|b", true, false)),
                now,
                now.plus(1, ChronoUnit.HOURS),
                "parity test",
                "checks the silence codec");
        HttpResponse<String> created =
                post("api/v2/silences", AlertmanagerCodec.standard().encodeSilence(silence));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = AlertmanagerCodec.standard().decodeSilenceId(created.body().getBytes(StandardCharsets.UTF_8));

        Silence read = AlertmanagerCodec.standard().decodeSilence(get("api/v2/silence/" + id));
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.matchers()).containsExactlyInAnyOrderElementsOf(silence.matchers());
        assertThat(read.endsAt()).isEqualTo(silence.endsAt());
        assertThat(read.createdBy()).isEqualTo("parity test");
        assertThat(read.state()).isIn(SilenceState.ACTIVE, SilenceState.PENDING);
        assertThat(AlertmanagerCodec.standard().decodeSilences(get("api/v2/silences")))
                .extracting(Silence::id)
                .contains(id);
    }

    @Test
    void readsAlertmanagersStatus() throws Exception {
        AlertmanagerStatus status = AlertmanagerCodec.standard().decodeStatus(get("api/v2/status"));

        assertThat(status.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(status.clusterStatus()).isEqualTo("disabled");
        assertThat(status.configOriginal()).contains("blackhole");
        assertThat(status.uptime()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void alertmanagerAnswersTheRejectionWordsWeUse() throws Exception {
        byte[] body = "[{\"labels\":{\"a-b\":\"1\"}},{\"labels\":{}}]".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = post("api/v2/alerts", body);
        List<Problem> problems = AlertmanagerCodec.standard().decodeAlerts(body).problems();

        assertThat(problems).extracting(Problem::pointer).containsExactly("/0/labels/a-b", "/1/labels");
        assertThat(problems.get(0).message()).isEqualTo("invalid label set: invalid name \"a-b\"");
        assertThat(response.body()).contains(problems.get(0).message().replace("\"", "\\\""));
        assertThat(problems.get(1).message()).isEqualTo("at least one label pair required");
    }
}
