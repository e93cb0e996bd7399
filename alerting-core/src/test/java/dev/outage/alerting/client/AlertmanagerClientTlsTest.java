package dev.outage.alerting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS with a custom CA, against an in-process HTTPS server with a certificate made by keytool. */
class AlertmanagerClientTlsTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static Path caPem;

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        caPem = dir.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "am",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "am",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                "changeit",
                "-file",
                caPem.toString());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/api/v2/alerts", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsServer() {
        server.stop(0);
    }

    private static URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static List<Alert> alerts() {
        return List.of(Alert.builder(LabelSet.of("alertname", "Tls")).build());
    }

    @Test
    void trustsTheCustomCa() throws Exception {
        try (AlertmanagerClient client =
                AlertmanagerClient.builder().peer(uri()).caCertificates(caPem).build()) {
            SendResult result = client.send(alerts());
            assertThat(result.isSuccess()).as(result.describe()).isTrue();
        }
    }

    @Test
    void refusesAServerItDoesNotTrustWithoutRetrying() throws Exception {
        try (AlertmanagerClient client =
                AlertmanagerClient.builder().peer(uri()).build()) {
            PeerOutcome outcome = client.send(alerts()).outcomes().get(0);
            assertThat(outcome).isInstanceOfSatisfying(PeerOutcome.Unreachable.class, u -> {
                assertThat(u.error()).startsWith("TLS failed");
                assertThat(u.retryable()).isFalse();
                assertThat(u.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void unreadableCaFileFailsTheBuildNamingTheFile() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertThatThrownBy(() -> AlertmanagerClient.builder()
                        .peer(uri())
                        .caCertificates(notPem)
                        .build())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(notPem.toString());
    }
}
