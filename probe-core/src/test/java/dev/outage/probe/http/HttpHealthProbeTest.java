package dev.outage.probe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.testing.LocalHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpHealthProbeTest {

    LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = LocalHttpServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ProbeResult probe(String... assertions) {
        HttpHealthProbe.Builder b =
                HttpHealthProbe.builder(server.uri("/health")).timeout(Duration.ofSeconds(5));
        for (String a : assertions) {
            b.expectJson(JsonAssertion.parse(a));
        }
        return b.build().probe();
    }

    @Test
    void passesWhenStatusAndJsonMatchAndReportsLatency() {
        server.answer(200, "{\"status\": true, \"version\": \"0.9.2\", \"db\": {\"ok\": 1}}");

        ProbeResult result = probe("/status=true", "/version == 0.9.2", "/db/ok=1.0");

        assertThat(result.status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.facts()).containsEntry("status", "200").containsKey("latency-ms");
        assertThat(result.target()).isEqualTo(server.uri("/health").toString());
    }

    @Test
    void failsOnAFalseStatusNamingThePointerAndBothValues() {
        server.answer(200, "{\"status\": false}");

        ProbeResult result = probe("/status=true", "/missing=1");

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.problems())
                .extracting(p -> p.message())
                .containsExactly("/status is false, expected true", "no value at /missing");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.ruleId()).isEqualTo(ProbeRules.SERVICE_UNHEALTHY));
    }

    @Test
    void failsOnAServerErrorAndOnABodyThatIsNotJson() {
        server.answer(502, "<html>bad gateway</html>");

        ProbeResult result = probe("/status=true");

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.problems())
                .extracting(p -> p.message())
                .anySatisfy(m -> assertThat(m).isEqualTo("HTTP status 502, expected 2xx"))
                .anySatisfy(m -> assertThat(m).startsWith("reply is not JSON"));
    }

    @Test
    void expectedStatusMayBeSomethingElseThan2xx() {
        server.answer(204, "");

        ProbeResult exact = HttpHealthProbe.builder(server.uri("/"))
                .expectStatus(204)
                .build()
                .probe();
        ProbeResult wrong = HttpHealthProbe.builder(server.uri("/"))
                .expectStatus(200)
                .build()
                .probe();

        assertThat(exact.status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(wrong.cause()).contains("HTTP status 204, expected 200");
    }

    @Test
    void aHangingServerEndsAtTheTimeout() {
        server.hang();

        ProbeResult result = HttpHealthProbe.builder(server.uri("/health"))
                .timeout(Duration.ofMillis(800))
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.TIMED_OUT);
        assertThat(result.duration()).isBetween(Duration.ofMillis(700), Duration.ofSeconds(3));
        assertThat(result.problems()).hasSize(1);
    }

    @Test
    void aClosedPortFailsWithConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ProbeResult result = HttpHealthProbe.builder(URI.create("http://127.0.0.1:" + port + "/health"))
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.cause()).contains("cannot reach").contains("refused");
    }

    @Test
    void neverShowsUserInfoOrQueryOfTheUrl() {
        server.answer(500, "");
        URI secret =
                URI.create(server.uri("/health").toString().replace("http://", "http://admin:hunter2@") + "?token=abc");

        ProbeResult result = HttpHealthProbe.builder(secret).build().probe();

        assertThat(result.toString()).doesNotContain("hunter2").doesNotContain("token=abc");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"/status=true|/status|true", "/status == true|/status|true", "/a/b=x=y|/a/b|x=y", "=1|''|1"})
    void parsesPointerAssertions(String text, String pointer, String expected) {
        assertThat(JsonAssertion.parse(text)).isEqualTo(new JsonAssertion(pointer, expected));
    }

    @Test
    void rejectsMalformedAssertionsAndUrls() {
        assertThatThrownBy(() -> JsonAssertion.parse("status")).hasMessageContaining("POINTER=VALUE");
        assertThatThrownBy(() -> JsonAssertion.parse("status=true")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> HttpHealthProbe.builder(URI.create("ftp://host/x")))
                .hasMessageContaining("http(s)");
    }
}
