package dev.outage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.alerting.testing.AlertmanagerProcess;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class SendMojoTest {

    private static SendMojo mojo(List<String> alertmanagers, List<String> labels, List<String> annotations)
            throws Exception {
        SendMojo mojo = new SendMojo();
        set(mojo, "alertmanager", alertmanagers);
        set(mojo, "labels", labels);
        set(mojo, "annotations", annotations);
        return mojo;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    void sendsOneAlertThatARealAlertmanagerShows() throws Exception {
        try (AlertmanagerProcess alertmanager =
                AlertmanagerProcess.start("route: {receiver: blackhole}\nreceivers: [{name: blackhole}]\n")) {
            mojo(
                            List.of(alertmanager.baseUri().toString()),
                            List.of("alertname=DeploySmokeTest", "summary=\"disk full, again\""),
                            List.of("runbook=https://example.org/rb"))
                    .execute();

            String alerts = awaitAlerts(alertmanager.baseUri().resolve("api/v2/alerts"), "DeploySmokeTest");
            assertThat(alerts).contains("disk full, again").contains("https://example.org/rb");
        }
    }

    @Test
    void noAcceptingAlertmanagerFailsTheBuild() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SendMojo mojo = mojo(List.of("http://127.0.0.1:" + closedPort), List.of("alertname=X"), null);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("no Alertmanager accepted the alert");
    }

    @Test
    void badLabelsAreBadSetup() throws Exception {
        SendMojo mojo = mojo(List.of("http://127.0.0.1:9"), List.of("no-equals-sign"), null);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'no-equals-sign' is not NAME=VALUE");
    }

    private static String awaitAlerts(URI uri, String expected) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            if (body.contains(expected)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("alert " + expected + " never appeared in " + uri + ": " + body);
    }
}
