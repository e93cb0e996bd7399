package dev.outage.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.outage.alerting.codec.AlertmanagerCodec;
import dev.outage.alerting.codec.Dialect;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.testing.AlertmanagerProcess;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds the same configuration and the same timed alert sequence into a real Alertmanager 0.25
 * and into our {@link Dispatcher} (on the real clock), each sending to its own GreenMail, and
 * compares the emails: recipients, subject and which alerts each carries.
 */
class DispatcherDifferentialTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GreenMail alertmanagerInbox;
    private GreenMail ourInbox;

    @BeforeEach
    void startInboxes() {
        alertmanagerInbox = startGreenMail();
        ourInbox = startGreenMail();
    }

    @AfterEach
    void stopInboxes() {
        alertmanagerInbox.stop();
        ourInbox.stop();
    }

    private static GreenMail startGreenMail() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return greenMail;
    }

    private static String config(int smtpPort) {
        return """
                route:
                  receiver: team
                  group_by: [alertname]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                  routes:
                  - matchers: ['alertname="Cpu"']
                    receiver: cpu
                receivers:
                - name: team
                  email_configs:
                  - to: 'ops@example.org, oncall@example.org'
                    from: alertmanager@example.org
                    smarthost: 127.0.0.1:%1$d
                    require_tls: false
                    text: '{{ range .Alerts }}{{ .Status }} {{ .Labels.instance }}{{ "\\n" }}{{ end }}'
                - name: cpu
                  email_configs:
                  - to: cpu@example.org
                    from: alertmanager@example.org
                    smarthost: 127.0.0.1:%1$d
                    require_tls: false
                    send_resolved: true
                    text: '{{ range .Alerts }}{{ .Status }} {{ .Labels.instance }}{{ "\\n" }}{{ end }}'
                inhibit_rules:
                - source_matchers: ['severity="critical"']
                  target_matchers: ['severity="warning"']
                  equal: [alertname]
                """.formatted(smtpPort);
    }

    private static Alert alert(Instant startsAt, Instant endsAt, String... labels) {
        return Alert.builder(LabelSet.of(labels))
                .startsAt(startsAt)
                .endsAt(endsAt)
                .build();
    }

    @Test
    void sendsTheSameEmailsAsAlertmanager() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant open = start.plus(Duration.ofHours(1));
        List<Alert> firing = List.of(
                alert(start, open, "alertname", "Disk", "instance", "a", "severity", "warning"),
                alert(start, open, "alertname", "Disk", "instance", "b", "severity", "warning"),
                alert(start, open, "alertname", "Disk", "instance", "c", "severity", "critical"),
                alert(start, open, "alertname", "Cpu", "instance", "a", "severity", "critical"),
                alert(start, open, "alertname", "Mem", "instance", "s", "severity", "critical"));

        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(
                        config(alertmanagerInbox.getSmtp().getPort()));
                Dispatcher dispatcher = Dispatcher.builder(AlertmanagerConfigLoader.parse(
                                        config(ourInbox.getSmtp().getPort()), "alertmanager.yml")
                                .orElseThrow())
                        .build()) {
            dispatcher.start(Duration.ofMillis(50));
            Instant silenceEnd = start.plus(Duration.ofHours(1));
            postSilence(alertmanager.baseUri(), start, silenceEnd);
            dispatcher.createSilence(
                    List.of(Matcher.equal("instance", "s")), start, silenceEnd, "test", "differential");

            postAlerts(alertmanager.baseUri(), firing);
            dispatcher.receive(firing);
            awaitEmails(2, Duration.ofSeconds(20));

            Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<Alert> resolveCpu =
                    List.of(alert(start, resolvedAt, "alertname", "Cpu", "instance", "a", "severity", "critical"));
            postAlerts(alertmanager.baseUri(), resolveCpu);
            dispatcher.receive(resolveCpu);
            awaitEmails(3, Duration.ofSeconds(20));
            Thread.sleep(2500); // two more group intervals: neither side may send anything else

            List<String> theirs = describe(alertmanagerInbox.getReceivedMessages());
            List<String> ours = describe(ourInbox.getReceivedMessages());
            assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
            assertThat(theirs)
                    .containsExactlyInAnyOrder(
                            "to=[oncall@example.org, ops@example.org] subject=[FIRING:1] Disk (c critical) alerts=[firing c]",
                            "to=[oncall@example.org, ops@example.org] subject=[FIRING:1] Disk (c critical) alerts=[firing c]",
                            "to=[cpu@example.org] subject=[FIRING:1] Cpu (a critical) alerts=[firing a]",
                            "to=[cpu@example.org] subject=[RESOLVED] Cpu (a critical) alerts=[resolved a]");
        }
    }

    @Test
    void sendsTheSameEmailsAsAlertmanagerForARandomAlertSequence() throws Exception {
        long seed = Long.getLong("outage.dispatchDiffSeed", 4242L);
        int size = Integer.getInteger("outage.dispatchDiffAlerts", 12);
        assertThat(size)
                .as("outage.dispatchDiffAlerts: there are only 36 distinct label sets")
                .isBetween(1, 36);
        Random random = new Random(seed);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant open = start.plus(Duration.ofHours(1));
        Map<LabelSet, Alert> unique = new LinkedHashMap<>();
        while (unique.size() < size) {
            LabelSet labels = LabelSet.of(
                    "alertname", List.of("Disk", "Cpu", "Mem").get(random.nextInt(3)),
                    "instance", String.valueOf((char) ('a' + random.nextInt(6))),
                    "severity", random.nextBoolean() ? "warning" : "critical");
            unique.putIfAbsent(
                    labels, Alert.builder(labels).startsAt(start).endsAt(open).build());
        }
        List<Alert> firing = List.copyOf(unique.values());

        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(
                        config(alertmanagerInbox.getSmtp().getPort()));
                Dispatcher dispatcher = Dispatcher.builder(AlertmanagerConfigLoader.parse(
                                        config(ourInbox.getSmtp().getPort()), "alertmanager.yml")
                                .orElseThrow())
                        .build()) {
            dispatcher.start(Duration.ofMillis(50));
            postAlerts(alertmanager.baseUri(), firing);
            dispatcher.receive(firing);
            awaitQuiet();

            Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<Alert> resolved = firing.stream()
                    .filter(a -> random.nextBoolean())
                    .map(a -> new Alert(a.labels(), a.annotations(), a.startsAt(), resolvedAt, null))
                    .toList();
            postAlerts(alertmanager.baseUri(), resolved);
            dispatcher.receive(resolved);
            awaitQuiet();

            List<String> theirs = describe(alertmanagerInbox.getReceivedMessages());
            assertThat(describe(ourInbox.getReceivedMessages()))
                    .as("seed %d, %d alerts, resolved %d", seed, size, resolved.size())
                    .containsExactlyInAnyOrderElementsOf(theirs);
            assertThat(theirs).isNotEmpty();
        }
    }

    /** Waits until neither inbox got an email for three group intervals (at most 30 s). */
    private void awaitQuiet() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        int last = -1;
        Instant since = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            int count = alertmanagerInbox.getReceivedMessages().length + ourInbox.getReceivedMessages().length;
            if (count != last) {
                last = count;
                since = Instant.now();
            } else if (Duration.between(since, Instant.now()).toMillis() >= 3000) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private void awaitEmails(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        // GreenMail stores one copy per recipient; the team receiver has two
        while (distinct(alertmanagerInbox) < count || distinct(ourInbox) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " emails on both sides within " + timeout + ", got "
                        + distinct(alertmanagerInbox) + " from Alertmanager and " + distinct(ourInbox) + " from ours");
            }
            Thread.sleep(50);
        }
    }

    private static int distinct(GreenMail inbox) {
        try {
            TreeSet<String> ids = new TreeSet<>();
            for (MimeMessage message : inbox.getReceivedMessages()) {
                ids.add(message.getMessageID());
            }
            return ids.size();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> describe(MimeMessage[] messages) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage message : messages) {
            TreeSet<String> to = new TreeSet<>();
            for (var address : message.getRecipients(Message.RecipientType.TO)) {
                to.add(((jakarta.mail.internet.InternetAddress) address).getAddress());
            }
            out.add("to=" + to + " subject=" + message.getSubject() + " alerts=" + alerts(message));
        }
        return out;
    }

    private static List<String> alerts(MimeMessage message) throws Exception {
        MimeMultipart body = (MimeMultipart) message.getContent();
        for (int i = 0; i < body.getCount(); i++) {
            BodyPart part = body.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                String text = ((String) part.getContent()).strip();
                return Arrays.stream(text.split("\\r?\\n")).sorted().toList();
            }
        }
        return List.of();
    }

    private static void postAlerts(URI base, List<Alert> alerts) throws IOException, InterruptedException {
        post(base.resolve("api/v2/alerts"), AlertmanagerCodec.standard().encodeAlerts(alerts, Dialect.CANONICAL));
    }

    private static void postSilence(URI base, Instant startsAt, Instant endsAt)
            throws IOException, InterruptedException {
        String json = """
                {"matchers":[{"name":"instance","value":"s","isRegex":false,"isEqual":true}],
                 "startsAt":"%s","endsAt":"%s","createdBy":"test","comment":"differential"}
                """.formatted(startsAt, endsAt);
        post(base.resolve("api/v2/silences"), json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void post(URI uri, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
