package dev.outage.alerting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.alerting.codec.AlertmanagerStatus;
import dev.outage.alerting.codec.Dialect;
import dev.outage.alerting.codec.GettableAlert;
import dev.outage.alerting.codec.PostableSilence;
import dev.outage.alerting.codec.Silence;
import dev.outage.alerting.codec.SilenceMatcher;
import dev.outage.alerting.codec.SilenceState;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.testing.AlertmanagerExtension;
import dev.outage.alerting.testing.AlertmanagerProcess;
import dev.outage.alerting.testing.FakeAlertmanager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AlertmanagerExtension.class)
class AlertmanagerClientTest {

    /** One real Alertmanager for the class, started by the extension. */
    static AlertmanagerProcess alertmanager;

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    private AlertmanagerClient.Builder client(URI... peers) {
        return AlertmanagerClient.builder()
                .peers(List.of(peers))
                .sleeper(sleeps::add)
                .random(() -> 0.5)
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5));
    }

    private static Alert alert(String name, String... labels) {
        LabelSet set = LabelSet.of(labels).with("alertname", name);
        return Alert.builder(set).annotation("summary", "test of " + name).build();
    }

    private static URI deadPeer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }

    @Test
    void sendsToARealAlertmanagerAndFindsTheAlertThere() throws Exception {
        try (AlertmanagerClient am = client(alertmanager.baseUri()).build()) {
            Alert alert = alert("ClientSend", "instance", "studio:8080");
            SendResult result = am.send(List.of(alert));

            assertThat(result.isSuccess()).as(result.describe()).isTrue();
            assertThat(result.outcomes()).singleElement().isInstanceOf(PeerOutcome.Accepted.class);
            List<GettableAlert> found = am.alerts(AlertQuery.matching("alertname=\"ClientSend\""));
            assertThat(found).singleElement().satisfies(g -> {
                assertThat(g.fingerprint()).isEqualTo(alert.fingerprint());
                assertThat(g.alert().annotations()).isEqualTo(alert.annotations());
            });
        }
    }

    @Test
    void haFanOutSucceedsWhenOnePeerIsDead() throws Exception {
        URI dead = deadPeer();
        try (AlertmanagerClient am = client(dead, alertmanager.baseUri()).build()) {
            SendResult result = am.send(List.of(alert("ClientFanOut")));

            assertThat(result.isSuccess()).isTrue();
            assertThat(result.outcomes().get(0)).isInstanceOfSatisfying(PeerOutcome.Unreachable.class, u -> {
                assertThat(u.error()).isEqualTo("connection refused");
                assertThat(u.attempts()).isEqualTo(3);
            });
            assertThat(result.outcomes().get(1)).isInstanceOf(PeerOutcome.Accepted.class);
            assertThat(result.failures()).hasSize(1);
            assertThat(sleeps).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
        }
    }

    @Test
    void everyPeerGetsEveryBatch(FakeAlertmanager first, FakeAlertmanager second) throws Exception {
        try (AlertmanagerClient am = client(first.baseUri(), second.baseUri()).build()) {
            assertThat(am.send(List.of(alert("Both"))).outcomes()).allMatch(PeerOutcome::isAccepted);
        }
        assertThat(first.receivedAlerts())
                .extracting(a -> a.labels().get("alertname"))
                .containsExactly("Both");
        assertThat(second.receivedAlerts())
                .extracting(a -> a.labels().get("alertname"))
                .containsExactly("Both");
    }

    @Test
    void failsWhenNoPeerIsReachable() throws Exception {
        try (AlertmanagerClient am =
                client(deadPeer()).retryPolicy(RetryPolicy.NONE).build()) {
            SendResult result = am.send(List.of(alert("Nowhere")));

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.describe()).contains("unreachable: connection refused");
        }
    }

    @Test
    void slowPeerTimesOut(FakeAlertmanager fake) throws Exception {
        fake.delay(Duration.ofSeconds(3));
        try (AlertmanagerClient am = client(fake.baseUri())
                .responseTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.NONE)
                .build()) {
            SendResult result = am.send(List.of(alert("Slow")));

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.outcomes()).singleElement().isInstanceOfSatisfying(PeerOutcome.Unreachable.class, u -> {
                assertThat(u.error()).isEqualTo("no answer within 300 ms (response timeout)");
                assertThat(u.retryable()).isTrue();
            });
        }
    }

    @Test
    void serverErrorIsRetriedWithBackoffThenFails(FakeAlertmanager fake) throws Exception {
        fake.failWith(500);
        try (AlertmanagerClient am = client(fake.baseUri()).build()) {
            SendResult result = am.send(List.of(alert("Broken")));

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.outcomes()).singleElement().isInstanceOfSatisfying(PeerOutcome.Rejected.class, r -> {
                assertThat(r.status()).isEqualTo(500);
                assertThat(r.attempts()).isEqualTo(3);
                assertThat(r.bodyExcerpt()).isEqualTo("fake failure 500");
                assertThat(r.diagnosis()).contains("failed with 500").contains("real Alertmanager");
            });
        }
        assertThat(fake.requestCount()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void serverErrorThenSuccessCountsAsSent(FakeAlertmanager fake) throws Exception {
        fake.failNext(1, 503);
        try (AlertmanagerClient am = client(fake.baseUri()).build()) {
            SendResult result = am.send(List.of(alert("Flaky")));

            assertThat(result.isSuccess()).isTrue();
            assertThat(result.outcomes().get(0).attempts()).isEqualTo(2);
        }
    }

    @Test
    void clientErrorIsNeverRetried(FakeAlertmanager fake) throws Exception {
        fake.failWith(403);
        try (AlertmanagerClient am = client(fake.baseUri()).build()) {
            assertThat(am.send(List.of(alert("Forbidden"))).outcomes().get(0).attempts())
                    .isEqualTo(1);
        }
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void droppedConnectionsAreRetriedAndReported(FakeAlertmanager fake) throws Exception {
        fake.dropConnections();
        try (AlertmanagerClient am = client(fake.baseUri()).build()) {
            SendResult result = am.send(List.of(alert("Dropped")));

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.outcomes())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            PeerOutcome.Unreachable.class,
                            u -> assertThat(u.attempts()).isEqualTo(3));
        }
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    @Test
    void wrappedOnlyReceiverGetsAPlainDiagnosis(FakeAlertmanager fake) throws Exception {
        fake.answerWrappedOnly();
        try (AlertmanagerClient am = client(fake.baseUri()).build()) {
            SendResult result = am.send(List.of(alert("Grafana")));

            assertThat(result.isSuccess()).isFalse();
            PeerOutcome.Rejected rejected =
                    (PeerOutcome.Rejected) result.outcomes().get(0);
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.attempts()).isEqualTo(1);
            assertThat(rejected.bodyExcerpt()).contains("bad request data");
            assertThat(rejected.diagnosis())
                    .contains("does not accept Alertmanager v2 alerts as Prometheus sends them")
                    .contains("answered 400")
                    .contains("real Alertmanager")
                    .contains("wrapped dialect");
            assertThat(result.describe()).contains(fake.baseUri().toString()).contains(rejected.diagnosis());
        }
        try (AlertmanagerClient wrapped =
                client(fake.baseUri()).dialect(Dialect.WRAPPED).build()) {
            assertThat(wrapped.send(List.of(alert("Grafana"))).isSuccess()).isTrue();
        }
        assertThat(fake.takeRequest(Duration.ofSeconds(1)).bodyText()).startsWith("[");
        assertThat(fake.takeRequest(Duration.ofSeconds(1)).bodyText()).startsWith("{\"alerts\":[");
    }

    @Test
    void realAlertmanagerRefusesTheWrappedDialect() throws Exception {
        try (AlertmanagerClient am =
                client(alertmanager.baseUri()).dialect(Dialect.WRAPPED).build()) {
            SendResult result = am.send(List.of(alert("Wrapped")));

            assertThat(result.isSuccess()).isFalse();
            PeerOutcome.Rejected rejected =
                    (PeerOutcome.Rejected) result.outcomes().get(0);
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.diagnosis()).contains("canonical dialect");
        }
    }

    @Test
    void invalidAlertsAreRefusedBeforeAnythingIsSent(FakeAlertmanager fake) throws Exception {
        try (AlertmanagerClient am = client(fake.baseUri()).build()) {
            Alert bad = Alert.builder(LabelSet.of("alertname", "X", "bad-name", "1"))
                    .build();
            assertThatThrownBy(() -> am.send(List.of(alert("Fine"), bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(
                            "alert 1 at /1/labels/bad-name: invalid label set: invalid name \"bad-name\"");
            assertThatThrownBy(() -> am.enqueue(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void fullQueueDropsTheOldestAndCountsThem(FakeAlertmanager fake) throws Exception {
        fake.delay(Duration.ofMillis(1500)); // keeps the sender busy with Q1 while the queue fills
        List<String> drops = Collections.synchronizedList(new ArrayList<>());
        AlertmanagerClient am = client(fake.baseUri())
                .queueCapacity(3)
                .batchSize(3)
                .drainTimeout(Duration.ofSeconds(20))
                .listener(new QueueListener() {
                    @Override
                    public void dropped(int count, long droppedTotal) {
                        drops.add(count + "/" + droppedTotal);
                    }
                })
                .build();
        try (am) {
            am.enqueue(alert("Q1"));
            assertThat(fake.takeRequest(Duration.ofSeconds(5))).isNotNull(); // the sender is busy with Q1
            for (int i = 2; i <= 6; i++) {
                am.enqueue(alert("Q" + i));
            }
            QueueStats stats = am.stats();
            assertThat(stats.queued()).isEqualTo(3);
            assertThat(stats.dropped()).isEqualTo(2);
            assertThat(drops).containsExactly("1/1", "1/2");
        }
        assertThat(fake.receivedAlerts())
                .extracting(a -> a.labels().get("alertname"))
                .containsExactly("Q1", "Q4", "Q5", "Q6");
        assertThat(am.stats()).isEqualTo(new QueueStats(0, 3, 6, 2, 4, 0, 2));
        assertThatThrownBy(() -> am.enqueue(alert("Late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(am::status).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> am.send(List.of(alert("Late")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeDrainsTheQueueIntoARealAlertmanager() throws Exception {
        int count = 1000;
        AlertmanagerClient am = client(alertmanager.baseUri()).batchSize(100).build();
        try (am) {
            for (int i = 0; i < count; i++) {
                am.enqueue(alert("Drain", "n", Integer.toString(i)));
            }
        }
        assertThat(am.stats().sent()).isEqualTo(count);
        assertThat(am.stats().dropped()).isZero();
        try (AlertmanagerClient reader = client(alertmanager.baseUri()).build()) {
            assertThat(reader.alerts(AlertQuery.matching("alertname=\"Drain\"")))
                    .hasSize(count);
        }
    }

    @Test
    void closeGivesUpAtTheDrainTimeoutAndCountsTheRest(FakeAlertmanager fake) throws Exception {
        fake.delay(Duration.ofSeconds(5));
        AtomicLong reported = new AtomicLong();
        AlertmanagerClient am = client(fake.baseUri())
                .batchSize(1)
                .drainTimeout(Duration.ofMillis(200))
                .listener(new QueueListener() {
                    @Override
                    public void dropped(int count, long droppedTotal) {
                        reported.set(droppedTotal);
                    }
                })
                .build();
        long start = System.nanoTime();
        try (am) {
            am.enqueue(IntStream.range(0, 5)
                    .mapToObj(i -> alert("Stuck", "n", "" + i))
                    .toList());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        QueueStats stats = am.stats();
        assertThat(stats.dropped()).isGreaterThanOrEqualTo(4).isEqualTo(reported.get());
        assertThat(stats.dropped() + stats.sent() + stats.failed()).isEqualTo(5);
    }

    @Test
    void credentialsComeFromFilesAndNeverShow(FakeAlertmanager fake, @TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "s3cret-pass\n");
        Path token = Files.writeString(dir.resolve("token"), "t0ken-value");
        try (AlertmanagerClient basic =
                        client(fake.baseUri()).basicAuth("ops", password).build();
                AlertmanagerClient bearer =
                        client(fake.baseUri()).bearerTokenFile(token).build();
                AlertmanagerClient inline = client(URI.create("http://ops:url-pass@127.0.0.1:"
                                + fake.baseUri().getPort()))
                        .build()) {
            basic.send(List.of(alert("Auth")));
            bearer.send(List.of(alert("Auth")));
            inline.send(List.of(alert("Auth")));
            assertThat(fake.takeRequest(Duration.ofSeconds(1)).header("Authorization"))
                    .isEqualTo("Basic b3BzOnMzY3JldC1wYXNz");
            assertThat(fake.takeRequest(Duration.ofSeconds(1)).header("Authorization"))
                    .isEqualTo("Bearer t0ken-value");
            assertThat(fake.takeRequest(Duration.ofSeconds(1)).header("Authorization"))
                    .isEqualTo("Basic b3BzOnVybC1wYXNz");
            String printed = basic + " " + bearer + " " + inline + " " + inline.peers();
            assertThat(printed)
                    .doesNotContain("s3cret", "t0ken-value", "url-pass")
                    .contains("ops", token.toString());
        }
    }

    @Test
    void unreadableCredentialsFileIsNotRetriedAndNamesTheFile(FakeAlertmanager fake, @TempDir Path dir)
            throws Exception {
        Path missing = dir.resolve("no-such-password");
        try (AlertmanagerClient am =
                client(fake.baseUri()).basicAuth("ops", missing).build()) {
            PeerOutcome outcome = am.send(List.of(alert("Auth"))).outcomes().get(0);
            assertThat(outcome).isInstanceOfSatisfying(PeerOutcome.Unreachable.class, u -> {
                assertThat(u.error()).contains("password file").contains(missing.toString());
                assertThat(u.retryable()).isFalse();
                assertThat(u.attempts()).isEqualTo(1);
            });
        }
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void pathPrefixIsPutBeforeTheApiPath(FakeAlertmanager fake) throws Exception {
        try (AlertmanagerClient am = client(fake.baseUri())
                .pathPrefix("/alertmanager")
                .retryPolicy(RetryPolicy.NONE)
                .build()) {
            am.send(List.of(alert("Prefixed")));
        }
        try (AlertmanagerClient am = client(fake.baseUri().resolve("/am/"))
                .retryPolicy(RetryPolicy.NONE)
                .build()) {
            am.send(List.of(alert("Prefixed")));
        }
        assertThat(fake.takeRequest(Duration.ofSeconds(1)).path()).isEqualTo("/alertmanager/api/v2/alerts");
        assertThat(fake.takeRequest(Duration.ofSeconds(1)).path()).isEqualTo("/am/api/v2/alerts");
    }

    @Test
    void managesSilencesOnARealAlertmanager() throws Exception {
        try (AlertmanagerClient am = client(alertmanager.baseUri()).build()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String id = am.createSilence(new PostableSilence(
                    null,
                    List.of(SilenceMatcher.equal("alertname", "Quiet")),
                    now,
                    now.plusSeconds(3600),
                    "test",
                    "quiet"));
            assertThat(am.silences("alertname=\"Quiet\""))
                    .extracting(Silence::id)
                    .contains(id);

            am.expireSilence(id);
            assertThat(am.silences())
                    .filteredOn(s -> s.id().equals(id))
                    .singleElement()
                    .extracting(Silence::state)
                    .isEqualTo(SilenceState.EXPIRED);
            assertThatThrownBy(() -> am.expireSilence("00000000-0000-0000-0000-000000000000"))
                    .isInstanceOf(AlertmanagerException.class)
                    .hasMessageContaining("DELETE /api/v2/silence/00000000-0000-0000-0000-000000000000 at ")
                    .hasMessageContaining("silence not found");
        }
    }

    @Test
    void queriesStatusGroupsAndReadiness() throws Exception {
        URI dead = deadPeer();
        try (AlertmanagerClient am = client(dead, alertmanager.baseUri())
                .retryPolicy(RetryPolicy.NONE)
                .build()) {
            am.send(List.of(alert("Grouped")));
            AlertmanagerStatus status = am.status(); // the dead peer is skipped
            assertThat(status.version()).startsWith("0.");
            assertThat(am.alertGroups(AlertQuery.ALL))
                    .anySatisfy(g -> assertThat(g.alerts())
                            .anySatisfy(a -> assertThat(a.alert().labels().get("alertname"))
                                    .isEqualTo("Grouped")));
            assertThat(am.alerts(AlertQuery.matching("alertname=\"Grouped\"").activeOnly()))
                    .hasSize(1);
            assertThat(am.readiness()).extracting(PeerOutcome::isAccepted).containsExactly(false, true);
        }
    }

    @Test
    void queryErrorsNameOperationAndTargetWithoutUserInfo(FakeAlertmanager fake) throws Exception {
        fake.failWith(404);
        URI withUser =
                URI.create("http://ops:hidden@127.0.0.1:" + fake.baseUri().getPort() + "/");
        try (AlertmanagerClient am = client(withUser).build()) {
            assertThatThrownBy(am::status)
                    .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.target()).isEqualTo(fake.baseUri().toString());
                    })
                    .hasMessageStartingWith("GET /api/v2/status at " + fake.baseUri() + " failed: answered 404")
                    .message()
                    .doesNotContain("hidden");
        }
        try (AlertmanagerClient am =
                client(deadPeer()).retryPolicy(RetryPolicy.NONE).build()) {
            assertThatThrownBy(am::status)
                    .isInstanceOfSatisfying(
                            AlertmanagerException.class,
                            e -> assertThat(e.isRetryable()).isTrue())
                    .hasMessageContaining("connection refused");
        }
    }

    @Test
    void builderRefusesMisuse() {
        assertThatThrownBy(() -> AlertmanagerClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Alertmanager peer");
        assertThatThrownBy(() -> AlertmanagerClient.builder().peer(URI.create("ftp://x/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://x/");
        assertThatThrownBy(() -> AlertmanagerClient.builder().peer(URI.create("ftp://u:secret@x/")))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("secret");
        assertThatThrownBy(() -> AlertmanagerClient.builder().queueCapacity(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
