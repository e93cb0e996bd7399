package dev.outage.alerting.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerCodecTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final AlertmanagerCodec codec =
            AlertmanagerCodec.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private final Alert full = Alert.builder(LabelSet.of("alertname", "DiskFull", "severity", "page"))
            .annotation("summary", "disk \"full\", again\n")
            .startsAt(Instant.parse("2026-01-01T11:00:00.250Z"))
            .endsAt(Instant.parse("2026-01-01T13:00:00Z"))
            .generatorUrl("http://127.0.0.1:9090/graph")
            .build();

    @Test
    void encodesTheCanonicalBareArray() {
        assertThat(text(codec.encodeAlerts(List.of(full), Dialect.CANONICAL)))
                .isEqualTo("[{\"labels\":{\"alertname\":\"DiskFull\",\"severity\":\"page\"},"
                        + "\"annotations\":{\"summary\":\"disk \\\"full\\\", again\\n\"},"
                        + "\"startsAt\":\"2026-01-01T11:00:00.250Z\",\"endsAt\":\"2026-01-01T13:00:00Z\","
                        + "\"generatorURL\":\"http://127.0.0.1:9090/graph\"}]");
    }

    @Test
    void encodesTheWrappedDialectAsAnObject() {
        Alert minimal = Alert.builder(LabelSet.of("a", "1")).build();
        assertThat(text(codec.encodeAlerts(List.of(minimal), Dialect.WRAPPED)))
                .isEqualTo("{\"alerts\":[{\"labels\":{\"a\":\"1\"},\"annotations\":{}}]}");
    }

    @Test
    void decodesWhatItEncodesInBothDialects() {
        for (Dialect dialect : Dialect.values()) {
            DecodedAlerts decoded = codec.decodeAlerts(codec.encodeAlerts(List.of(full), dialect));
            assertThat(decoded.isAccepted()).isTrue();
            assertThat(decoded.alerts()).containsExactly(full);
            assertThat(decoded.wrapped()).isEqualTo(dialect == Dialect.WRAPPED);
        }
    }

    @Test
    void toleratesUnknownFieldsAndOtherCaseInFieldNames() {
        DecodedAlerts decoded = codec.decodeAlerts(
                utf8(
                        "{\"version\":4,\"alerts\":[{\"Labels\":{\"a\":\"1\"},\"x\":{\"y\":[1,2]},\"GeneratorUrl\":\"/g\"}],\"z\":null}"));
        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.alerts()).singleElement().satisfies(a -> {
            assertThat(a.labels()).isEqualTo(LabelSet.of("a", "1"));
            assertThat(a.generatorUrl()).isEqualTo("/g");
        });
    }

    @Test
    void dropsLabelsWithEmptyValuesAsAlertmanagerDoes() {
        DecodedAlerts decoded = codec.decodeAlerts(utf8("[{\"labels\":{\"a\":\"1\",\"b\":\"\",\"c\":null}}]"));
        assertThat(decoded.alerts())
                .singleElement()
                .satisfies(a -> assertThat(a.labels()).isEqualTo(LabelSet.of("a", "1")));
    }

    @Test
    void namesTheAlertIndexAndPointerOfEachInvalidField() {
        DecodedAlerts decoded = codec.decodeAlerts(utf8("[{\"labels\":{\"ok\":\"1\"}},"
                + "{\"labels\":{\"bad-name\":\"1\",\"a/b~c\":\"2\"},\"annotations\":{\"9\":\"x\"},"
                + "\"generatorURL\":\"not a uri\",\"startsAt\":\"2026-01-02T00:00:00Z\",\"endsAt\":\"2026-01-01T00:00:00Z\"},"
                + "{\"labels\":{\"a\":\"\"}}]"));

        assertThat(decoded.alerts()).extracting(Alert::labels).containsExactly(LabelSet.of("ok", "1"));
        assertThat(decoded.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "alert 1 at /1/labels/a~1b~0c: invalid label set: invalid name \"a/b~c\"",
                        "alert 1 at /1/labels/bad-name: invalid label set: invalid name \"bad-name\"",
                        "alert 1 at /1/annotations/9: invalid annotations: invalid name \"9\"",
                        "alert 1 at /1/generatorURL: generatorURL must be of type uri: \"not a uri\""
                                + " (invalid URI for request)",
                        "alert 1 at /1/endsAt: start time must be before end time",
                        "alert 2 at /2/labels: at least one label pair required");
    }

    @Test
    void wrappedBodiesGetPointersUnderAlerts() {
        DecodedAlerts decoded = codec.decodeAlerts(utf8("{\"alerts\":[{\"labels\":{\"a-b\":\"1\"}}]}"));
        assertThat(decoded.problems()).extracting(Problem::pointer).containsExactly("/alerts/0/labels/a-b");
    }

    @Test
    void utf8ModeAcceptsAnyNonEmptyName() {
        AlertmanagerCodec utf8 =
                AlertmanagerCodec.builder().labelNames(LabelNameRule.UTF8).build();
        byte[] body = utf8("[{\"labels\":{\"service.name\":\"a\",\"Grüße\":\"b\"}}]");
        assertThat(utf8.decodeAlerts(body).isAccepted()).isTrue();
        assertThat(codec.decodeAlerts(body).isAccepted()).isFalse();
        assertThat(utf8.decodeAlerts(utf8("[{\"labels\":{\"\":\"b\"}}]")).problems())
                .extracting(Problem::message)
                .containsExactly("invalid label set: invalid name \"\"");
    }

    @Test
    void validatesJavaAlertsWithUnpairedSurrogatesAsInvalidValues() {
        Alert alert = Alert.builder(LabelSet.of("a", "x\ud800")).build();
        assertThat(codec.validate(List.of(alert)))
                .extracting(Problem::toString)
                .containsExactly("alert 0 at /0/labels/a: invalid label set: invalid value \"x\\ud800\"");
    }

    @Test
    void replacesUnpairedSurrogateEscapesAsGoDoes() {
        DecodedAlerts decoded = codec.decodeAlerts(utf8("[{\"labels\":{\"a\":\"x\\ud800\"}}]"));
        assertThat(decoded.alerts())
                .singleElement()
                .satisfies(a -> assertThat(a.labels().get("a")).isEqualTo("x\uFFFD"));
    }

    @Test
    void alertWithoutEndStartingBeyondTheResolveTimeoutIsRefused() {
        Alert soon = Alert.builder(LabelSet.of("a", "1"))
                .startsAt(NOW.plusSeconds(299))
                .build();
        Alert late = Alert.builder(LabelSet.of("a", "1"))
                .startsAt(NOW.plusSeconds(301))
                .build();
        assertThat(codec.validate(List.of(soon))).isEmpty();
        assertThat(codec.validate(List.of(late))).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/0/startsAt");
            assertThat(p.message()).startsWith("start time must be before end time");
        });
        AlertmanagerCodec longer = AlertmanagerCodec.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .resolveTimeout(Duration.ofMinutes(10))
                .build();
        assertThat(longer.validate(List.of(late))).isEmpty();
    }

    @Test
    void malformedJsonGivesLineAndColumnWithoutAnException() {
        DecodedAlerts decoded = codec.decodeAlerts(utf8("[\n  {\"labels\": {\"a\": \"1\",}}\n]"));
        assertThat(decoded.alerts()).isEmpty();
        assertThat(decoded.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isGreaterThan(20);
            assertThat(p.message()).startsWith("malformed JSON: ");
            assertThat(p.toString()).contains("(line 2, column");
        });
    }

    @Test
    void truncatedEmptyAndWrongTypedBodiesAreProblemsNotExceptions() {
        assertThat(codec.decodeAlerts(utf8("[{\"labels\":{\"a\":\"1\"}")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("malformed JSON"));
        assertThat(codec.decodeAlerts(new byte[0]).problems())
                .extracting(Problem::message)
                .containsExactly("empty body: expected a JSON array of alerts (or an object with an \"alerts\" array)");
        assertThat(codec.decodeAlerts(utf8("[{\"labels\":{\"a\":1}}]")).problems())
                .extracting(Problem::toString)
                .containsExactly("alert 0 at /0/labels/a (line 1, column 17): expected a string, got a number");
        assertThat(codec.decodeAlerts(utf8("[{\"labels\":{\"a\":\"1\"},\"startsAt\":\"yesterday\"}]"))
                        .problems())
                .extracting(Problem::pointer)
                .containsExactly("/0/startsAt");
        assertThat(codec.decodeAlerts(utf8("[1]")).problems())
                .extracting(Problem::pointer)
                .containsExactly("/0");
        assertThat(codec.decodeAlerts(utf8("{\"x\":[]}")).isAccepted()).isFalse();
    }

    @Test
    void readsGoTimestampLayouts() {
        assertThat(Timestamps.parse("2024-01-02T03:04:05Z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Timestamps.parse("2024-01-02T03:04:05.5+02:00")).isEqualTo(Instant.parse("2024-01-02T01:04:05.5Z"));
        assertThat(Timestamps.parse("2024-01-02T03:04:05.123-0130"))
                .isEqualTo(Instant.parse("2024-01-02T04:34:05.123Z"));
        assertThat(Timestamps.parse("2024-01-02 03:04:05")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Timestamps.parse("2024-01-02T03:04")).isEqualTo(Instant.parse("2024-01-02T03:04:00Z"));
        assertThat(Timestamps.parse("2024-01-02T03:04:05.1234567891Z"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.123456789Z"));
        assertThat(Timestamps.parse("0001-01-01T00:00:00Z")).isNull();
        for (String bad :
                List.of("2024-01-02T03:04:05+0100", "2024-02-30T00:00:00Z", "2024-01-02T03:04:05z", "2024-01-02")) {
            assertThatThrownBy(() -> Timestamps.parse(bad)).as(bad).isInstanceOf(java.time.DateTimeException.class);
        }
    }

    @Test
    void writesRfc3339InUtc() {
        assertThat(Timestamps.format(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(Timestamps.format(Instant.parse("2024-01-02T03:04:05.120Z"))).isEqualTo("2024-01-02T03:04:05.120Z");
        assertThat(Timestamps.format(Instant.parse("1969-12-31T23:59:59.000001Z")))
                .isEqualTo("1969-12-31T23:59:59.000001Z");
        assertThat(Timestamps.format(Instant.parse("2024-01-02T03:04:05.000000001Z")))
                .isEqualTo("2024-01-02T03:04:05.000000001Z");
    }

    @Test
    void decodingAnswersFailsWithACheckedExceptionNamingThePointer() {
        assertThatThrownBy(() -> codec.decodeGettableAlerts(utf8("[{\"labels\":{}}]")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("/0/fingerprint");
        assertThatThrownBy(() -> codec.decodeStatus(utf8("{\"cluster\":")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> codec.decodeSilenceId(utf8("{}")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("/silenceID");
    }

    @Test
    void roundTripsGettableAlertsGroupsSilencesAndStatus() throws CodecException {
        GettableAlert gettable = new GettableAlert(
                full,
                full.fingerprint(),
                new AlertStatus(AlertState.SUPPRESSED, List.of("s1"), List.of("f1"), List.of()),
                List.of("team"),
                NOW);
        assertThat(codec.decodeGettableAlerts(codec.encodeGettableAlerts(List.of(gettable))))
                .containsExactly(gettable);
        AlertGroup group = new AlertGroup(LabelSet.of("alertname", "DiskFull"), "team", List.of(gettable));
        assertThat(codec.decodeAlertGroups(codec.encodeAlertGroups(List.of(group))))
                .containsExactly(group);
        Silence silence = new Silence(
                "id-1",
                List.of(SilenceMatcher.equal("a", "1"), new SilenceMatcher("b", "x.*", true, false)),
                NOW,
                NOW.plusSeconds(60),
                "me",
                "why",
                SilenceState.ACTIVE,
                NOW);
        assertThat(codec.decodeSilences(codec.encodeSilences(List.of(silence)))).containsExactly(silence);
        AlertmanagerStatus status = new AlertmanagerStatus(
                "01AB",
                "ready",
                List.of(new AlertmanagerStatus.Peer("01AB", "127.0.0.1:9094")),
                "route: {}\n",
                NOW,
                java.util.Map.of("version", "0.25.0"));
        assertThat(codec.decodeStatus(codec.encodeStatus(status))).isEqualTo(status);
    }

    @Test
    void silenceMatchersPrintInAlertmanagerNotation() {
        assertThat(SilenceMatcher.equal("a", "x\"y")).hasToString("a=\"x\\\"y\"");
        assertThat(new SilenceMatcher("a", "x", true, true)).hasToString("a=~\"x\"");
        assertThat(new SilenceMatcher("a", "x", false, false)).hasToString("a!=\"x\"");
        assertThat(new SilenceMatcher("a", "x", true, false)).hasToString("a!~\"x\"");
    }
}
