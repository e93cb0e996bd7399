package dev.outage.alerting.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.outage.alerting.codec.AlertmanagerCodec;
import dev.outage.alerting.codec.Dialect;
import dev.outage.alerting.model.Alert;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test helpers shared by differential tests: a loopback GreenMail and posting to Alertmanager. */
final class AmMail {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AmMail() {}

    /** Starts a GreenMail SMTP server on a free loopback port. */
    static GreenMail startGreenMail() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return greenMail;
    }

    /** Posts alerts to {@code /api/v2/alerts} of the Alertmanager at the base URI. */
    static void post(URI base, List<Alert> alerts) throws IOException, InterruptedException {
        byte[] body = AlertmanagerCodec.standard().encodeAlerts(alerts, Dialect.CANONICAL);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v2/alerts"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST alerts answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Waits until the server holds at least {@code count} messages, or fails after the timeout. */
    static MimeMessage[] awaitMessages(GreenMail greenMail, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (greenMail.getReceivedMessages().length < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " emails within " + timeout + ", got "
                        + greenMail.getReceivedMessages().length);
            }
            Thread.sleep(50);
        }
        return greenMail.getReceivedMessages();
    }
}
