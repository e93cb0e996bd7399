package dev.outage.alerting.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertmanagerProcessTest {

    static final String CONFIG = """
            route:
              receiver: blackhole
            receivers:
              - name: blackhole
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    private int get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void startsOnLoopbackAndIsReadyUntilClosed() throws Exception {
        URI status;
        AlertmanagerProcess alertmanager = AlertmanagerProcess.start(CONFIG);
        try (alertmanager) {
            assertThat(alertmanager.baseUri().getHost()).isEqualTo("127.0.0.1");
            status = alertmanager.baseUri().resolve("api/v2/status");
            assertThat(get(alertmanager.baseUri().resolve("-/ready"))).isEqualTo(200);
            assertThat(get(status)).isEqualTo(200);
            assertThat(alertmanager.output()).contains("Listening");
        }
        assertThat(alertmanager.isAlive()).isFalse();
        assertThat(alertmanager.configFile()).doesNotExist();
        assertThatThrownBy(() -> get(status)).isInstanceOf(IOException.class);
    }

    @Test
    void startsFromAConfigFileAndTakesExtraFlags(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.builder()
                .configFile(config)
                .flag("--log.level=debug")
                .start()) {
            assertThat(get(alertmanager.baseUri().resolve("-/ready"))).isEqualTo(200);
            assertThat(alertmanager.output()).contains("level=debug");
        }
        assertThat(config).exists();
    }

    @Test
    void waitsForReadinessUnderARoutePrefix() throws Exception {
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.builder()
                .config(CONFIG)
                .flag("--web.route-prefix=/am")
                .start()) {
            assertThat(get(alertmanager.baseUri().resolve("am/api/v2/status"))).isEqualTo(200);
        }
    }

    @Test
    void twoProcessesRunSideBySide() throws Exception {
        try (AlertmanagerProcess first = AlertmanagerProcess.start(CONFIG);
                AlertmanagerProcess second = AlertmanagerProcess.start(CONFIG)) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(get(second.baseUri().resolve("-/ready"))).isEqualTo(200);
        }
    }

    @Test
    void invalidConfigurationFailsWithAlertmanagersOwnReason() {
        assertThatThrownBy(() -> AlertmanagerProcess.start("route: {receiver: nobody}\nreceivers: []\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited with status")
                .hasMessageContaining("nobody");
    }

    @Test
    void refusesFlagsItSetsItself() {
        assertThatThrownBy(() -> AlertmanagerProcess.builder().flag("--web.listen-address=0.0.0.0:9093"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--web.listen-address");
    }

    @Test
    void startWithoutConfigurationIsAStateError() {
        assertThatThrownBy(() -> AlertmanagerProcess.builder().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no configuration");
    }

    @Test
    void installAdviceNamesThePackages() {
        assertThat(AlertmanagerProcess.INSTALL_ADVICE)
                .contains("apt-get install prometheus-alertmanager")
                .contains("scripts/install-test-tools.sh")
                .contains("brew install alertmanager");
    }
}
