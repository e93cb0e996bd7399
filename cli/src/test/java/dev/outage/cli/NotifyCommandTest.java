package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyCommandTest {

    private static final String PASSWORD = "Pa55-never-printed";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private TinySmtpServer server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private int run(String... args) {
        return Outage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path config(int port) throws IOException {
        return Files.writeString(dir.resolve("alertmanager.yml"), """
                global:
                  smtp_smarthost: 127.0.0.1:%d
                  smtp_from: alertmanager@example.org
                  smtp_require_tls: false
                  smtp_auth_username: bot
                  smtp_auth_password: %s
                route:
                  receiver: team
                  group_by: [alertname]
                  routes:
                  - matchers: [severity="page"]
                    receiver: pager
                    continue: true
                  - receiver: team
                receivers:
                - name: team
                  email_configs: [{to: team@example.org}]
                - name: pager
                  email_configs: [{to: 'pager@example.org, oncall@example.org'}]
                - name: hooks
                  webhook_configs: [{url: 'http://127.0.0.1:1/'}]
                """.formatted(port, PASSWORD));
    }

    @Test
    void sendsOneNotificationPerRoutedReceiverAndPrintsWhatWentToWhom() throws Exception {
        server = TinySmtpServer.start("250 2.0.0 queued as 42");
        Path file = config(server.port());

        int code = run(
                "notify",
                "--config.file",
                file.toString(),
                "alertname=DiskFull",
                "severity=page",
                "--annotation",
                "summary=\"disk full, again\"");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("sent receiver pager email_configs[0] via 127.0.0.1:" + server.port()
                        + " to pager@example.org, oncall@example.org: subject \"[FIRING:1] DiskFull (page)\";"
                        + " server: 250 2.0.0 queued as 42")
                .contains("sent receiver team email_configs[0] via 127.0.0.1:" + server.port()
                        + " to team@example.org: subject \"[FIRING:1] DiskFull (page)\"");
        assertThat(server.messages()).hasSize(2);
        assertThat(server.messages().get(0))
                .contains("Subject: [FIRING:1] DiskFull (page)")
                .contains("disk full, again");
        assertThat(out.toString() + err.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void sendsStraightToTheNamedReceiver() throws Exception {
        server = TinySmtpServer.start("250 ok");

        int code = run(
                "notify",
                "--config.file",
                config(server.port()).toString(),
                "--receiver",
                "team",
                "alertname=Test",
                "--resolved");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("to team@example.org: subject \"[RESOLVED] Test \"");
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void rejectedDeliveryExitsOneWithTheSmtpAnswerAndNoSecret() throws Exception {
        server = TinySmtpServer.start("554 5.7.1 rejected: policy violation");

        int code = run(
                "notify", "--config.file", config(server.port()).toString(), "--receiver", "team", "alertname=Test");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAILED receiver team email_configs[0] via 127.0.0.1:" + server.port()
                        + ": DATA: message rejected at end of DATA: 554 5.7.1 rejected: policy violation");
        assertThat(out.toString() + err.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void receiverWithoutEmailSendsNothingAndFails() throws Exception {
        server = TinySmtpServer.start("250 ok");

        int code = run(
                "notify", "--config.file", config(server.port()).toString(), "--receiver", "hooks", "alertname=Test");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("receiver hooks: no email_configs, nothing sent (only email is supported)");
        assertThat(err.toString()).contains("nothing sent");
    }

    @Test
    void invalidConfigurationExitsTwoWithItsPosition() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yml"), """
                route:
                  receiver: nobody
                receivers:
                - name: team
                """);

        int code = run("notify", "--config.file", file.toString(), "alertname=Test");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":").contains("undefined receiver \"nobody\"");
    }

    @Test
    void templateOutsideTheSubsetExitsTwoWithItsPosition() throws Exception {
        Path file = Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: team
                receivers:
                - name: team
                  email_configs:
                  - to: team@example.org
                    from: am@example.org
                    smarthost: 127.0.0.1:25
                    html: '{{ .Status | humanize }}'
                """);

        int code = run("notify", "--config.file", file.toString(), "alertname=Test");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(file + ":4:3: receiver \"team\" email_configs[0]: template email_configs.html:1:14:")
                .contains("function \"humanize\" not defined");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        server = TinySmtpServer.start("250 ok");
        Path file = config(server.port());

        assertThat(run("notify", "--config.file", file.toString())).isEqualTo(2);
        assertThat(run("notify", "--config.file", file.toString(), "--receiver", "nope", "alertname=X"))
                .isEqualTo(2);
        assertThat(run("notify", "--config.file", file.toString(), "novalue")).isEqualTo(2);
        assertThat(err.toString()).contains("no receiver named \"nope\"");
        assertThat(server.messages()).isEmpty();
    }

    /** A minimal real SMTP server on a loopback socket that answers the end of DATA as told. */
    private static final class TinySmtpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final String dataReply;
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final Thread thread;

        private TinySmtpServer(ServerSocket socket, String dataReply) {
            this.socket = socket;
            this.dataReply = dataReply;
            this.thread = new Thread(this::serve, "tiny-smtp");
            this.thread.setDaemon(true);
        }

        static TinySmtpServer start(String dataReply) throws IOException {
            TinySmtpServer server =
                    new TinySmtpServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()), dataReply);
            server.thread.start();
            return server;
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    converse(client);
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }

        private void converse(Socket client) throws IOException {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            say(out, "220 tiny.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO" -> say(out, "250-tiny.test\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> say(out, "250 ok");
                    case "DATA" -> {
                        say(out, "354 go ahead");
                        StringBuilder message = new StringBuilder();
                        for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                            message.append(body).append('\n');
                        }
                        if (dataReply.startsWith("2")) {
                            messages.add(message.toString());
                        }
                        say(out, dataReply);
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "502 command not implemented");
                }
            }
        }

        private static void say(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
