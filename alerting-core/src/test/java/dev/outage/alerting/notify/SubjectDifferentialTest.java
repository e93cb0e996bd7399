package dev.outage.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.notify.template.TemplateAlert;
import dev.outage.alerting.notify.template.TemplateData;
import dev.outage.alerting.testing.AlertmanagerProcess;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compares our Subject with the one a real Alertmanager 0.25 puts on the emails it sends to a
 * real SMTP server (GreenMail), for firing and resolved groups.
 */
class SubjectDifferentialTest {

    private GreenMail alertmanagerInbox;
    private GreenMail ourInbox;

    @BeforeEach
    void startInboxes() {
        alertmanagerInbox = AmMail.startGreenMail();
        ourInbox = AmMail.startGreenMail();
    }

    @AfterEach
    void stopInboxes() {
        alertmanagerInbox.stop();
        ourInbox.stop();
    }

    private String config() {
        return """
                route:
                  receiver: mail
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                  routes:
                  - matchers: ['alertname="DiskFull"']
                    receiver: mail
                    group_by: [alertname]
                  - matchers: ['team="d"']
                    receiver: mail
                    group_by: ['...']
                  - matchers: ['team="c"']
                    receiver: mail
                    group_by: [alertname, zone, app]
                receivers:
                - name: mail
                  email_configs:
                  - to: ops@example.org
                    from: alertmanager@example.org
                    smarthost: 127.0.0.1:%d
                    require_tls: false
                    send_resolved: true
                """.formatted(alertmanagerInbox.getSmtp().getPort());
    }

    private static Alert alert(Instant startsAt, Instant endsAt, String... labels) {
        return Alert.builder(LabelSet.of(labels))
                .startsAt(startsAt)
                .endsAt(endsAt)
                .build();
    }

    @Test
    void subjectsMatchAlertmanagerForFiringAndResolvedGroups() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Instant open = start.plus(Duration.ofHours(1));
        List<List<String>> groups = List.of(
                List.of("alertname", "DiskFull", "env", "prod", "zone", "eu", "instance", "db1"),
                List.of("alertname", "DiskFull", "env", "prod", "zone", "eu", "instance", "db2"),
                List.of("alertname", "Löwe", "team", "b", "app", "web"),
                List.of("alertname", "Löwe", "team", "b", "app", "api"),
                List.of("alertname", "Up", "team", "c", "zone", "z", "app", "a"),
                List.of("alertname", "Solo", "team", "d"));
        // one alert of the first group stays firing, so that group is "firing" with one resolved
        Function<Instant, List<Alert>> firing = ends -> groups.stream()
                .map(labels -> alert(start, ends, labels.toArray(String[]::new)))
                .toList();

        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(config())) {
            AmMail.post(alertmanager.baseUri(), firing.apply(open));
            List<String> firingSubjects = subjects(AmMail.awaitMessages(alertmanagerInbox, 4, Duration.ofSeconds(30)));

            Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
            List<Alert> resolved = new ArrayList<>(firing.apply(resolvedAt));
            resolved.set(1, alert(start, open, groups.get(1).toArray(String[]::new)));
            AmMail.post(alertmanager.baseUri(), resolved);
            List<String> allSubjects = subjects(AmMail.awaitMessages(alertmanagerInbox, 8, Duration.ofSeconds(30)));

            List<String> ours = new ArrayList<>();
            Instant now = Instant.now();
            ours.add(ourSubject(
                    LabelSet.of("alertname", "DiskFull"), firing.apply(open).subList(0, 2), now));
            ours.add(ourSubject(LabelSet.empty(), firing.apply(open).subList(2, 4), now));
            ours.add(ourSubject(
                    LabelSet.of("alertname", "Up", "zone", "z", "app", "a"),
                    firing.apply(open).subList(4, 5),
                    now));
            ours.add(ourSubject(
                    LabelSet.of("alertname", "Solo", "team", "d"),
                    firing.apply(open).subList(5, 6),
                    now));
            assertThat(firingSubjects).containsExactlyInAnyOrderElementsOf(ours);

            ours.add(ourSubject(LabelSet.of("alertname", "DiskFull"), resolved.subList(0, 2), now));
            ours.add(ourSubject(LabelSet.empty(), resolved.subList(2, 4), now));
            ours.add(ourSubject(LabelSet.of("alertname", "Up", "zone", "z", "app", "a"), resolved.subList(4, 5), now));
            ours.add(ourSubject(LabelSet.of("alertname", "Solo", "team", "d"), resolved.subList(5, 6), now));
            assertThat(allSubjects).containsExactlyInAnyOrderElementsOf(ours);
            assertThat(ours)
                    .contains(
                            "[FIRING:2] DiskFull (prod eu)",
                            "[FIRING:2]  (Löwe b)",
                            "[FIRING:1] Up a z (c)",
                            "[FIRING:1] DiskFull (prod eu)",
                            "[RESOLVED]  (Löwe b)",
                            "[RESOLVED] Up a z (c)",
                            "[FIRING:1] Solo d ",
                            "[RESOLVED] Solo d ");
        }
    }

    /** Sends through our notifier to our inbox and returns the Subject as received. */
    private String ourSubject(LabelSet groupLabels, List<Alert> alerts, Instant now) throws Exception {
        List<TemplateAlert> view =
                alerts.stream().map(a -> TemplateAlert.of(a, now)).toList();
        EmailNotifier notifier = EmailNotifier.builder(
                        EmailConfigs.to("127.0.0.1", ourInbox.getSmtp().getPort())
                                .config())
                .build();
        int before = ourInbox.getReceivedMessages().length;
        DeliveryResult result = notifier.send(TemplateData.of("mail", groupLabels, view, ""));
        assertThat(result.isDelivered()).as("%s", result).isTrue();
        return AmMail.awaitMessages(ourInbox, before + 1, Duration.ofSeconds(10))[before].getSubject();
    }

    private static List<String> subjects(MimeMessage[] messages) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messages) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }
}
