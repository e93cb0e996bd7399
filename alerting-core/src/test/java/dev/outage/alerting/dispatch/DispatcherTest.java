package dev.outage.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.notify.FailureKind;
import dev.outage.alerting.notify.template.TemplateException;
import dev.outage.alerting.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatcherTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    private static final String CONFIG = """
            route:
              receiver: team
              group_by: [alertname]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 4h
              routes:
              - matchers: ['severity="info"']
                receiver: quiet
                mute_time_intervals: [always]
            receivers:
            - name: team
              email_configs: [{to: a@example.org, from: am@example.org, smarthost: '127.0.0.1:25', require_tls: false, send_resolved: true}]
            - name: quiet
              email_configs: [{to: a@example.org, from: am@example.org, smarthost: '127.0.0.1:25', require_tls: false}]
            inhibit_rules:
            - source_matchers: ['severity="critical"']
              target_matchers: ['severity="warning"']
              equal: [alertname]
            time_intervals:
            - name: always
              time_intervals:
              - times: [{start_time: '00:00', end_time: '24:00'}]
            """;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);
    private final RecordingSender team = new RecordingSender();
    private final RecordingSender quiet = new RecordingSender();
    private final List<String> events = new ArrayList<>();

    private final DispatchListener listener = new DispatchListener() {
        @Override
        public synchronized void alertDropped(Alert alert, String reason) {
            events.add("dropped " + alert.labels().get("instance") + " " + reason);
        }

        @Override
        public synchronized void notificationFailed(
                String receiver, String integration, FailureKind kind, String reason) {
            events.add("failed " + receiver + "/" + integration + " " + kind);
        }

        @Override
        public synchronized void notificationSent(String receiver, String integration, int alerts) {
            events.add("sent " + receiver + "/" + integration + " " + alerts);
        }
    };

    private static AlertmanagerConfig config() {
        return AlertmanagerConfigLoader.parse(CONFIG, "alertmanager.yml").orElseThrow();
    }

    private Dispatcher.Builder builder() {
        Map<String, RecordingSender> senders = Map.of("team", team, "quiet", quiet);
        return Dispatcher.builder(config())
                .clock(clock)
                .listener(listener)
                .integrations(receiver -> List.of(new Integration(
                        "email[0]", receiver.emailConfigs().get(0).sendResolved(), senders.get(receiver.name()))));
    }

    private Dispatcher dispatcher() throws TemplateException, IOException {
        return builder().build();
    }

    private Alert firing(String instance, String... more) {
        List<String> labels = new ArrayList<>(List.of("alertname", "DiskFull", "instance", instance));
        labels.addAll(List.of(more));
        return Alert.builder(LabelSet.of(labels.toArray(String[]::new)))
                .startsAt(clock.instant())
                .endsAt(clock.instant().plus(Duration.ofHours(24)))
                .build();
    }

    private Alert resolved(Alert alert) {
        return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), clock.instant(), null);
    }

    private void advanceAndTick(Dispatcher dispatcher, Duration duration) {
        clock.advance(duration);
        dispatcher.tick();
    }

    @Test
    void waitsGroupWaitThenSendsOneNotificationPerGroup() throws Exception {
        try (Dispatcher dispatcher = dispatcher()) {
            dispatcher.receive(List.of(
                    firing("a"),
                    firing("b"),
                    Alert.builder(LabelSet.of("alertname", "Other", "instance", "x"))
                            .startsAt(T0)
                            .build()));

            advanceAndTick(dispatcher, Duration.ofSeconds(29));
            assertThat(team.sent()).isEmpty();
            advanceAndTick(dispatcher, Duration.ofSeconds(1));

            assertThat(team.summaries()).containsExactlyInAnyOrder("firing: a=firing b=firing", "firing: x=firing");
            assertThat(team.sent().get(0).groupLabels().asMap()).containsKey("alertname");
            assertThat(dispatcher.groupCount()).isEqualTo(2);
        }
    }

    @Test
    void changesWaitForGroupIntervalAndUnchangedGroupsForRepeatInterval() throws Exception {
        try (Dispatcher dispatcher = dispatcher()) {
            dispatcher.receive(firing("a"));
            advanceAndTick(dispatcher, Duration.ofSeconds(30));
            clock.advance(Duration.ofMinutes(1));
            dispatcher.receive(firing("b"));
            advanceAndTick(dispatcher, Duration.ofMinutes(3));
            assertThat(team.sent()).hasSize(1);

            advanceAndTick(dispatcher, Duration.ofMinutes(1));
            assertThat(team.summaries()).containsExactly("firing: a=firing", "firing: a=firing b=firing");

            for (int i = 0; i < 48; i++) {
                advanceAndTick(dispatcher, Duration.ofMinutes(5));
            }
            assertThat(team.sent())
                    .as("no repeat until 4h have passed since the last notification")
                    .hasSize(2);
            advanceAndTick(dispatcher, Duration.ofMinutes(5));
            assertThat(team.sent()).as("repeat after 4h").hasSize(3);
        }
    }

    @Test
    void sendsResolvedNotificationThenForgetsTheGroup() throws Exception {
        try (Dispatcher dispatcher = dispatcher()) {
            Alert a = firing("a");
            dispatcher.receive(a);
            advanceAndTick(dispatcher, Duration.ofSeconds(30));
            clock.advance(Duration.ofMinutes(1));
            dispatcher.receive(resolved(a));

            advanceAndTick(dispatcher, Duration.ofMinutes(4));

            assertThat(team.summaries()).containsExactly("firing: a=firing", "resolved: a=resolved");
            assertThat(dispatcher.groupCount()).isZero();
            assertThat(dispatcher.alerts()).isEmpty();
        }
    }

    @Test
    void alertWithoutEndTimeResolvesAfterResolveTimeout() throws Exception {
        try (Dispatcher dispatcher = dispatcher()) {
            dispatcher.receive(Alert.builder(LabelSet.of("alertname", "DiskFull", "instance", "a"))
                    .build());
            advanceAndTick(dispatcher, Duration.ofSeconds(30));

            advanceAndTick(dispatcher, Duration.ofMinutes(5));

            assertThat(team.summaries()).containsExactly("firing: a=firing", "resolved: a=resolved");
        }
    }

    @Test
    void inhibitedAlertsAreLeftOut() throws Exception {
        try (Dispatcher dispatcher = dispatcher()) {
            dispatcher.receive(List.of(firing("a", "severity", "critical"), firing("b", "severity", "warning")));

            advanceAndTick(dispatcher, Duration.ofSeconds(30));

            assertThat(team.summaries()).containsExactly("firing: a=firing");
        }
    }

    @Test
    void silencedAlertsAreNotNotifiedUntilTheSilenceExpires() throws Exception {
        try (Dispatcher dispatcher = dispatcher()) {
            Silence silence = dispatcher.createSilence(
                    List.of(Matcher.equal("instance", "a")), T0, T0.plus(Duration.ofHours(2)), "ops", "maintenance");
            dispatcher.receive(firing("a"));
            advanceAndTick(dispatcher, Duration.ofSeconds(30));
            assertThat(team.sent()).isEmpty();
            assertThat(dispatcher.silencesMatching(LabelSet.of("instance", "a")))
                    .containsExactly(silence);

            assertThat(dispatcher.expireSilence(silence.id())).isTrue();
            advanceAndTick(dispatcher, Duration.ofMinutes(5));

            assertThat(team.summaries()).containsExactly("firing: a=firing");
            assertThat(dispatcher.silencesMatching(LabelSet.of("instance", "a")))
                    .isEmpty();
            assertThat(dispatcher.expireSilence("no-such-id")).isFalse();
        }
    }

    @Test
    void mutedRouteSendsNothing() throws Exception {
        try (Dispatcher dispatcher = dispatcher()) {
            dispatcher.receive(firing("a", "severity", "info"));

            advanceAndTick(dispatcher, Duration.ofMinutes(10));

            assertThat(quiet.sent()).isEmpty();
            assertThat(team.sent()).isEmpty();
        }
    }

    @Test
    void dropsAlertsBeyondTheLimitAndCountsThem() throws Exception {
        try (Dispatcher dispatcher = builder().maxActiveAlerts(2).build()) {
            int accepted = dispatcher.receive(List.of(firing("a"), firing("b"), firing("c"), firing("a")));

            assertThat(accepted).isEqualTo(3);
            assertThat(events).containsExactly("dropped c limit");
            assertThat(dispatcher.alerts()).hasSize(2);
        }
    }

    @Test
    void failedNotificationIsCountedAndTriedAgainAtTheNextFlush() throws Exception {
        try (Dispatcher dispatcher = dispatcher()) {
            team.failing(true);
            dispatcher.receive(firing("a"));
            advanceAndTick(dispatcher, Duration.ofSeconds(30));
            team.failing(false);

            advanceAndTick(dispatcher, Duration.ofMinutes(5));

            assertThat(events).containsExactly("failed team/email[0] CONNECTION", "sent team/email[0] 1");
            assertThat(team.summaries()).containsExactly("firing: a=firing");
        }
    }

    @Test
    void closeFlushesGroupsThatAreDue() throws Exception {
        Dispatcher dispatcher = dispatcher();
        dispatcher.receive(firing("a"));
        clock.advance(Duration.ofSeconds(30));

        dispatcher.close();

        assertThat(team.summaries()).containsExactly("firing: a=firing");
    }

    @Test
    void restartWithStateDirectoryNeitherLosesAFiringAlertNorRepeatsASentNotification() throws Exception {
        Path state = dir.resolve("state");
        Dispatcher first = builder().stateDirectory(state).build();
        first.receive(firing("a"));
        advanceAndTick(first, Duration.ofSeconds(30));
        first.receive(firing("b"));
        Silence silence = first.createSilence(
                List.of(Matcher.equal("instance", "z")), T0, T0.plus(Duration.ofDays(1)), "ops", "");
        // crash: the first dispatcher is abandoned without close(), so nothing more is flushed

        try (Dispatcher second = builder().stateDirectory(state).build()) {
            advanceAndTick(second, Duration.ofSeconds(30));

            assertThat(team.summaries()).containsExactly("firing: a=firing", "firing: a=firing b=firing");
            assertThat(second.silences()).containsExactly(silence);
            advanceAndTick(second, Duration.ofMinutes(5));
            assertThat(team.sent()).hasSize(2);
        }
        try (Dispatcher third = builder().stateDirectory(state).build()) {
            advanceAndTick(third, Duration.ofMinutes(1));
            assertThat(team.sent()).as("a restart repeats nothing").hasSize(2);
            assertThat(third.alerts()).hasSize(2);
        }
    }
}
