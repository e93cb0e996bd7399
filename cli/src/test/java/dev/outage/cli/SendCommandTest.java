package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.client.AlertQuery;
import dev.outage.alerting.client.AlertmanagerClient;
import dev.outage.alerting.codec.GettableAlert;
import dev.outage.alerting.testing.AlertmanagerExtension;
import dev.outage.alerting.testing.AlertmanagerProcess;
import dev.outage.alerting.testing.FakeAlertmanager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AlertmanagerExtension.class)
class SendCommandTest {

    static AlertmanagerProcess alertmanager;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Outage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static String deadPeer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static List<GettableAlert> alertsNamed(String name) throws IOException {
        try (AlertmanagerClient client =
                AlertmanagerClient.builder().peer(alertmanager.baseUri()).build()) {
            return client.alerts(AlertQuery.matching("alertname=\"" + name + "\""));
        }
    }

    @Test
    void sendsOneAlertToARealAlertmanager() throws Exception {
        int code = run(
                "send",
                "--alertmanager",
                alertmanager.baseUri().toString(),
                "--annotation",
                "summary=\"disk full, again\"",
                "--generator-url",
                "http://127.0.0.1:9090/graph",
                "alertname=CliSend",
                "severity=page");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains(alertmanager.baseUri().toString()).contains("200 accepted");
        assertThat(alertsNamed("CliSend")).singleElement().satisfies(a -> {
            assertThat(a.alert().labels().get("severity")).isEqualTo("page");
            assertThat(a.alert().annotations().get("summary")).isEqualTo("disk full, again");
            assertThat(a.alert().generatorUrl()).isEqualTo("http://127.0.0.1:9090/graph");
        });
    }

    @Test
    void endsAtInTheFutureIsKept() throws Exception {
        Instant endsAt = Instant.parse("2999-01-01T00:00:00Z");
        assertThat(run(
                        "send",
                        "--alertmanager",
                        alertmanager.baseUri().toString(),
                        "--ends-at",
                        "2999-01-01T01:00:00+01:00",
                        "alertname=CliEnds"))
                .isZero();
        assertThat(alertsNamed("CliEnds"))
                .singleElement()
                .satisfies(a -> assertThat(a.alert().endsAt()).isEqualTo(endsAt));
    }

    @Test
    void succeedsWhenOnePeerOfTheClusterIsDead() throws Exception {
        String dead = deadPeer();
        assertThat(run(
                        "send",
                        "--alertmanager",
                        dead,
                        "--alertmanager",
                        alertmanager.baseUri().toString(),
                        "alertname=CliHa"))
                .isZero();
        assertThat(out.toString())
                .contains(dead + "/: unreachable: connection refused")
                .contains("200 accepted");
    }

    @Test
    void failsWithEachPeersAnswerWhenNoneAccepts(FakeAlertmanager fake) throws Exception {
        fake.answerWrappedOnly();
        String dead = deadPeer();
        assertThat(run(
                        "send",
                        "--alertmanager",
                        fake.baseUri().toString(),
                        "--alertmanager",
                        dead,
                        "alertname=CliNone"))
                .isEqualTo(1);
        assertThat(out.toString())
                .contains(fake.baseUri() + ": answered 400")
                .contains("does not accept Alertmanager v2 alerts as Prometheus sends them")
                .contains(dead + "/: unreachable");
        assertThat(err.toString()).isEqualTo("send: no Alertmanager accepted the alert" + System.lineSeparator());
    }

    @Test
    void grafanaDialectReachesAWrappedOnlyReceiver(FakeAlertmanager fake) throws Exception {
        fake.answerWrappedOnly();
        assertThat(run(
                        "send",
                        "--dialect",
                        "grafana",
                        "--alertmanager",
                        fake.baseUri().toString(),
                        "alertname=CliGrafana"))
                .isZero();
        assertThat(fake.takeRequest(Duration.ofSeconds(1)).bodyText()).startsWith("{\"alerts\":[");
    }

    @Test
    void realAlertmanagerRejectsTheGrafanaDialect() {
        assertThat(run(
                        "send",
                        "--dialect",
                        "grafana",
                        "--alertmanager",
                        alertmanager.baseUri().toString(),
                        "alertname=CliWrong"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("answered 400");
    }

    @Test
    void invalidLabelNameIsBadUsageWithOneLine(FakeAlertmanager fake) {
        assertThat(run("send", "--alertmanager", fake.baseUri().toString(), "alertname=X", "bad-name=1"))
                .isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("send: invalid alert: labels/bad-name: invalid label set: invalid name \"bad-name\""
                        + System.lineSeparator());
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void badArgumentsAreBadUsage(FakeAlertmanager fake) {
        String url = fake.baseUri().toString();
        assertThat(run("send", "--alertmanager", url)).isEqualTo(2);
        assertThat(run("send", "alertname=X")).isEqualTo(2);
        assertThat(run("send", "--alertmanager", url, "--ends-at", "tomorrow", "alertname=X"))
                .isEqualTo(2);
        assertThat(run("send", "--alertmanager", url, "--dialect", "v1", "alertname=X"))
                .isEqualTo(2);
        assertThat(run("send", "--alertmanager", "ftp://user:pw@host/", "alertname=X"))
                .isEqualTo(2);
        assertThat(run("send", "--alertmanager", url, "alertname")).isEqualTo(2);
        assertThat(run("send", "--alertmanager", url, "a=")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--ends-at 'tomorrow' is not an RFC 3339 time")
                .contains("--dialect must be canonical or grafana, not 'v1'")
                .contains("--alertmanager 'ftp://host/' is not an http(s) URL")
                .contains("at least one label pair required")
                .doesNotContain("pw@");
        assertThat(fake.requestCount()).isZero();
    }
}
