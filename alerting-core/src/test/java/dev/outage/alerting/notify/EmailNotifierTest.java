package dev.outage.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.outage.alerting.config.Secret;
import dev.outage.alerting.config.TlsConfig;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.notify.template.TemplateAlert;
import dev.outage.alerting.notify.template.TemplateData;
import dev.outage.alerting.notify.template.TemplateException;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailNotifierTest {

    private static final String PASSWORD = "hunter2-Sup3rS3cret";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new ArrayList<>();
    private GreenMail greenMail;

    @AfterEach
    void stopGreenMail() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private GreenMail startGreenMail(String protocol, GreenMailConfiguration configuration) {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort());
        greenMail.withConfiguration(configuration);
        greenMail.start();
        return greenMail;
    }

    private int smtpPort() {
        return greenMail.getSmtp() != null
                ? greenMail.getSmtp().getPort()
                : greenMail.getSmtps().getPort();
    }

    private static TemplateData data(String... extraLabels) {
        List<String> labels = new ArrayList<>(List.of("alertname", "DiskFull", "severity", "page"));
        labels.addAll(Arrays.asList(extraLabels));
        Alert alert = Alert.builder(LabelSet.of(labels.toArray(String[]::new)))
                .annotation("summary", "disk full on /var")
                .startsAt(NOW.minusSeconds(300))
                .generatorUrl("http://127.0.0.1:9090/graph")
                .build();
        return TemplateData.of(
                "ops-mail", LabelSet.of("alertname", "DiskFull"), List.of(TemplateAlert.of(alert, NOW)), "");
    }

    private EmailNotifier notifier(EmailConfigs configs) throws TemplateException {
        return EmailNotifier.builder(configs.config())
                .sleeper(sleeps::add)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private EmailNotifier notifier(EmailConfigs configs, RetryPolicy policy) throws TemplateException {
        return EmailNotifier.builder(configs.config())
                .sleeper(sleeps::add)
                .retryPolicy(policy)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private static void assertNoSecret(DeliveryResult result) {
        assertThat(result.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void deliversToEveryRecipientWithAlertmanagerSubjectAndTextAndHtmlParts() throws Exception {
        startGreenMail(ServerSetup.PROTOCOL_SMTP, GreenMailConfiguration.aConfig());
        EmailConfigs configs =
                EmailConfigs.to("127.0.0.1", smtpPort()).recipients("ops@example.org, Pager <pager@example.org>");

        DeliveryResult result = notifier(configs).send(data("instance", "db1"));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(((DeliveryResult.Delivered) result).recipients())
                .containsExactly("ops@example.org", "pager@example.org");
        assertThat(((DeliveryResult.Delivered) result).reply()).startsWith("250");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("[FIRING:1] DiskFull (db1 page)");
        assertThat(message.getHeader("To", ",")).contains("ops@example.org").contains("pager@example.org");
        assertThat(message.getFrom()[0].toString()).isEqualTo("alertmanager@example.org");
        MimeMultipart body = (MimeMultipart) message.getContent();
        assertThat(body.getContentType()).startsWith("multipart/alternative");
        assertThat(body.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) body.getBodyPart(0).getContent()).contains("summary = disk full on /var");
        assertThat(body.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) body.getBodyPart(1).getContent())
                .contains("disk full on /var")
                .contains("db1");
    }

    @Test
    void headerValuesCannotInjectHeaders() throws Exception {
        startGreenMail(ServerSetup.PROTOCOL_SMTP, GreenMailConfiguration.aConfig());
        EmailConfigs configs = EmailConfigs.to("127.0.0.1", smtpPort())
                .headers(Map.of("Subject", "{{ .CommonLabels.team }}", "X-Team", "{{ .CommonLabels.team }}"));

        DeliveryResult result = notifier(configs).send(data("team", "a\r\nBcc: victim@example.org\nX-Evil: 1"));

        assertThat(result.isDelivered()).isTrue();
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getHeader("X-Evil")).isNull();
        assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(message.getSubject()).isEqualTo("a Bcc: victim@example.org X-Evil: 1");
        assertThat(message.getHeader("X-Team")[0]).doesNotContain("\n");
    }

    @Test
    void authenticatesWithPasswordFileAndNeverShowsTheWrongPassword() throws Exception {
        startGreenMail(
                ServerSetup.PROTOCOL_SMTP,
                GreenMailConfiguration.aConfig().withUser("bot@example.org", "bot", "right-pass"));
        Path good = Files.writeString(dir.resolve("good"), "right-pass\n");
        EmailConfigs base = EmailConfigs.to("127.0.0.1", smtpPort());

        DeliveryResult delivered =
                notifier(base.auth("bot", null, good.toString(), null)).send(data());
        DeliveryResult refused =
                notifier(base.auth("bot", Secret.of(PASSWORD), "", null)).send(data());

        assertThat(delivered.isDelivered()).isTrue();
        assertThat(refused).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.AUTH);
            assertThat(failed.transientFailure()).isFalse();
            assertThat(failed.reason()).contains("535");
            assertThat(failed.attempts()).isEqualTo(1);
        });
        assertNoSecret(refused);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void missingPasswordFileIsAnAuthFailureNamingTheFile() throws Exception {
        startGreenMail(ServerSetup.PROTOCOL_SMTP, GreenMailConfiguration.aConfig());
        Path missing = dir.resolve("no-such-password");

        DeliveryResult result = notifier(
                        EmailConfigs.to("127.0.0.1", smtpPort()).auth("bot", null, missing.toString(), null))
                .send(data());

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.AUTH);
            assertThat(failed.reason()).contains("auth_password_file").contains("no-such-password");
        });
    }

    @Test
    void implicitTlsOnUntrustedCertificateFailsAsTlsUnlessVerificationIsSkipped() throws Exception {
        startGreenMail(ServerSetup.PROTOCOL_SMTPS, GreenMailConfiguration.aConfig());
        EmailConfigs base = EmailConfigs.to("127.0.0.1", smtpPort());
        EmailNotifier verifying = EmailNotifier.builder(base.config())
                .forceImplicitTls(true)
                .sleeper(sleeps::add)
                .build();
        EmailNotifier skipping = EmailNotifier.builder(
                        base.tls(false, EmailConfigs.insecure()).config())
                .forceImplicitTls(true)
                .build();

        DeliveryResult refused = verifying.send(data());
        DeliveryResult delivered = skipping.send(data());

        assertThat(refused).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.TLS);
            assertThat(failed.transientFailure()).isFalse();
        });
        assertThat(delivered.isDelivered()).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(verifying.implicitTls()).isTrue();
    }

    @Test
    void requireTlsFailsAsTlsWhenServerOffersNoStarttls() throws Exception {
        startGreenMail(ServerSetup.PROTOCOL_SMTP, GreenMailConfiguration.aConfig());

        DeliveryResult result = notifier(
                        EmailConfigs.to("127.0.0.1", smtpPort()).tls(true, EmailConfigs.trusting("", "")))
                .send(data());

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.TLS);
            assertThat(failed.reason()).contains("does not offer STARTTLS");
            assertThat(failed.attempts()).isEqualTo(1);
        });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsVerifiesTheServerAgainstCaFileAndServerName() throws Exception {
        String ca = FaultSmtpServer.resource("tls/ca.pem").toString();
        try (FaultSmtpServer server = FaultSmtpServer.start(
                dir,
                "--tls",
                FaultSmtpServer.resource("tls/server.pem").toString(),
                FaultSmtpServer.resource("tls/server-key.pem").toString())) {
            EmailConfigs base = EmailConfigs.to("127.0.0.1", server.port());

            DeliveryResult trusted =
                    notifier(base.tls(true, EmailConfigs.trusting(ca, ""))).send(data());
            DeliveryResult named = notifier(base.tls(true, EmailConfigs.trusting(ca, "smtp.test")))
                    .send(data());
            DeliveryResult wrongName = notifier(base.tls(true, EmailConfigs.trusting(ca, "other.test")))
                    .send(data());
            DeliveryResult unknownCa =
                    notifier(base.tls(true, EmailConfigs.trusting("", ""))).send(data());

            assertThat(trusted.isDelivered()).as("%s", trusted).isTrue();
            assertThat(named.isDelivered()).as("%s", named).isTrue();
            assertThat(wrongName)
                    .isInstanceOfSatisfying(
                            DeliveryResult.Failed.class,
                            failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TLS));
            assertThat(unknownCa)
                    .isInstanceOfSatisfying(
                            DeliveryResult.Failed.class,
                            failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TLS));
            assertThat(server.messages()).hasSize(2);
        }
    }

    @Test
    void presentsTheClientCertificateAndHelloName() throws Exception {
        String ca = FaultSmtpServer.resource("tls/ca.pem").toString();
        String clientCert = FaultSmtpServer.resource("tls/client.pem").toString();
        String clientKey = FaultSmtpServer.resource("tls/client-key.pem").toString();
        try (FaultSmtpServer server = FaultSmtpServer.start(
                dir,
                "--tls",
                FaultSmtpServer.resource("tls/server.pem").toString(),
                FaultSmtpServer.resource("tls/server-key.pem").toString(),
                "--client-ca",
                clientCert)) {
            EmailConfigs base = EmailConfigs.to("127.0.0.1", server.port());
            TlsConfig withCertificate = new TlsConfig(ca, clientCert, clientKey, "", false, "TLS12", "TLS13");

            DeliveryResult delivered = notifier(base.tls(true, withCertificate)).send(data());
            // TLS 1.2: the refusal of a missing client certificate happens inside the handshake
            // (with TLS 1.3 the client only sees the connection drop afterwards)
            TlsConfig withoutCertificate = new TlsConfig(ca, "", "", "", false, "", "TLS12");
            DeliveryResult refused =
                    notifier(base.tls(true, withoutCertificate)).send(data());

            assertThat(delivered.isDelivered()).as("%s", delivered).isTrue();
            assertThat(refused)
                    .isInstanceOfSatisfying(
                            DeliveryResult.Failed.class,
                            failed -> assertThat(failed.kind())
                                    .as(failed.reason())
                                    .isEqualTo(FailureKind.TLS));
            assertThat(server.messages()).hasSize(1);
            assertThat(server.messages().get(0)).contains("X-Helo: outage.test");
        }
    }

    @Test
    void authenticatesWithCramMd5Secret() throws Exception {
        try (FaultSmtpServer server = FaultSmtpServer.start(dir, "--cram-md5", "bot", "cram-secret")) {
            EmailConfigs base = EmailConfigs.to("127.0.0.1", server.port());

            DeliveryResult delivered = notifier(base.auth("bot", null, "", Secret.of("cram-secret")))
                    .send(data());
            DeliveryResult refused =
                    notifier(base.auth("bot", null, "", Secret.of(PASSWORD))).send(data());
            DeliveryResult unusable =
                    notifier(base.auth("bot", Secret.of(PASSWORD), "", null)).send(data());

            assertThat(delivered.isDelivered()).as("%s", delivered).isTrue();
            assertThat(refused).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(FailureKind.AUTH);
                assertThat(failed.reason()).contains("535");
            });
            assertThat(unusable).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(FailureKind.AUTH);
                assertThat(failed.reason()).contains("no usable AUTH mechanism").contains("CRAM-MD5");
            });
            assertNoSecret(refused);
            assertNoSecret(unusable);
            assertThat(server.messages()).hasSize(1);
        }
    }

    @Test
    void refusedRecipientIsAPermanentRcptFailure() throws Exception {
        try (FaultSmtpServer server = FaultSmtpServer.start(dir, "--reject-rcpt", "unknown")) {
            EmailConfigs configs =
                    EmailConfigs.to("127.0.0.1", server.port()).recipients("ops@example.org, unknown@example.org");

            DeliveryResult result = notifier(configs).send(data());

            assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(FailureKind.RCPT);
                assertThat(failed.transientFailure()).isFalse();
                assertThat(failed.reason()).contains("unknown@example.org").contains("550");
            });
            assertThat(server.messages()).isEmpty();
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void refusedSenderIsASenderFailure() throws Exception {
        try (FaultSmtpServer server = FaultSmtpServer.start(dir, "--mail-reply", "553 5.7.1 sender not allowed")) {
            DeliveryResult result =
                    notifier(EmailConfigs.to("127.0.0.1", server.port())).send(data());

            assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(FailureKind.SENDER);
                assertThat(failed.reason()).contains("553 5.7.1 sender not allowed");
            });
        }
    }

    @Test
    void rejectionAtEndOfDataIsAPermanentFailureNotRetried() throws Exception {
        try (FaultSmtpServer server =
                FaultSmtpServer.start(dir, "--data-reply", "554 5.7.1 Message rejected as spam")) {
            DeliveryResult result =
                    notifier(EmailConfigs.to("127.0.0.1", server.port())).send(data());

            assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(FailureKind.DATA);
                assertThat(failed.transientFailure()).isFalse();
                assertThat(failed.reason())
                        .isEqualTo("message rejected at end of DATA: 554 5.7.1 Message rejected as spam");
                assertThat(failed.attempts()).isEqualTo(1);
            });
            assertThat(server.messages()).isEmpty();
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void transientRejectionIsRetriedWithBackoffUntilAccepted() throws Exception {
        try (FaultSmtpServer server =
                FaultSmtpServer.start(dir, "--data-reply", "451 4.3.0 Try again later", "--data-failures", "2")) {
            RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

            DeliveryResult result = notifier(EmailConfigs.to("127.0.0.1", server.port()), policy)
                    .send(data());

            assertThat(result)
                    .isInstanceOfSatisfying(
                            DeliveryResult.Delivered.class,
                            delivered -> assertThat(delivered.attempts()).isEqualTo(3));
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(server.messages()).hasSize(1);
            assertThat(server.messages().get(0)).contains("Subject: [FIRING:1] DiskFull (page)");
        }
    }

    @Test
    void transientRejectionGivesUpAfterMaxAttempts() throws Exception {
        try (FaultSmtpServer server = FaultSmtpServer.start(dir, "--data-reply", "452 4.3.1 Insufficient storage")) {
            RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(1));

            DeliveryResult result = notifier(EmailConfigs.to("127.0.0.1", server.port()), policy)
                    .send(data());

            assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(FailureKind.DATA);
                assertThat(failed.transientFailure()).isTrue();
                assertThat(failed.attempts()).isEqualTo(3);
            });
            assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    @Test
    void refusedConnectionIsATransientConnectionFailure() throws Exception {
        int closedPort = FaultSmtpServer.freePort();

        DeliveryResult result = notifier(
                        EmailConfigs.to("127.0.0.1", closedPort),
                        new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .send(data());

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(failed.transientFailure()).isTrue();
            assertThat(failed.reason()).contains("127.0.0.1:" + closedPort);
            assertThat(failed.attempts()).isEqualTo(2);
        });
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void invalidFromAddressIsAMessageFailureWithoutAttempt() throws Exception {
        EmailConfigs configs = EmailConfigs.to("127.0.0.1", 25).headers(Map.of());
        EmailNotifier notifier = EmailNotifier.builder(new EmailConfigs(new dev.outage.alerting.config.EmailConfig(
                                "ops@example.org",
                                "a@b.org, c@d.org",
                                "h",
                                configs.config().smarthost(),
                                "",
                                null,
                                "",
                                null,
                                "",
                                false,
                                configs.config().tlsConfig(),
                                Map.of(),
                                "",
                                "",
                                false))
                        .config())
                .build();

        DeliveryResult result = notifier.send(data());

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.MESSAGE);
            assertThat(failed.reason()).contains("exactly one from address");
            assertThat(failed.attempts()).isZero();
        });
    }

    @Test
    void rejectsInvalidHeaderNameAtBuild() throws IOException {
        EmailConfigs configs = EmailConfigs.to("127.0.0.1", 25).headers(Map.of("X-Bad\r\nBcc", "x"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> EmailNotifier.builder(configs.config()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email header name is not valid");
    }
}
