package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code outage probe ...} end to end against real local servers and real (pip-less) venvs. */
class ProbeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Serves fixed JSON bodies by path. */
    static void serve(HttpServer server, Map<String, String> bodies) {
        bodies.forEach((path, body) -> server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        }));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private int run(String... args) {
        return Outage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Creates a venv without pip (fast) with {@code python3 -m venv --without-pip}. */
    static Path bareVenv(Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-m", "venv", "--without-pip", dir.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "python3 is needed: install python3 and python3-venv" + " (scripts/install-test-tools.sh): "
                            + e.getMessage(),
                    e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("python3 -m venv failed (install python3-venv, or run scripts/install-test-tools.sh): %s", output)
                .isZero();
        return dir;
    }

    @Test
    void httpProbeExitsZeroWhenHealthyAndOneWithTheCauseWhenNot() {
        serve(server, Map.of("/ok", "{\"status\":true}", "/bad", "{\"status\":false}"));

        assertThat(run("probe", "http", url("/ok"), "--expect-json", "/status=true"))
                .isZero();
        assertThat(out.toString()).startsWith("PASSED http " + url("/ok"));
        assertThat(run("probe", "http", url("/bad"), "--expect-json", "/status=true", "--expect-status", "200"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("service-unhealthy: " + url("/bad") + ": /status is false, expected true");
        assertThat(err.toString()).contains("/status is false, expected true");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("probe", "http", "not a url")).isEqualTo(2);
        assertThat(run("probe", "http", url("/x"), "--expect-json", "status")).isEqualTo(2);
        assertThat(err.toString()).contains("POINTER=VALUE");
        assertThat(run("probe", "drift", "--running", url("/v"), "--installed", "/bin/x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("URL#POINTER");
        assertThat(run("probe", "venv", dir.toString(), "--import", "json")).isEqualTo(2);
        assertThat(err.toString()).contains("not a venv");
        assertThat(run("probe")).isEqualTo(2);
    }

    @Test
    void venvProbeImportsWithTheVenvsInterpreter() throws Exception {
        Path venv = bareVenv(dir.resolve("venv"));

        assertThat(run("probe", "venv", venv.toString(), "--import", "json,email.parser"))
                .isZero();
        assertThat(out.toString()).contains("isolated.json: ok from");
        assertThat(run("probe", "venv", venv.toString(), "--import", "json", "--import", "greenlet"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("ModuleNotFoundError: No module named 'greenlet'");
        assertThat(run("probe", "venv", venv.toString(), "--import", "json;rm")).isEqualTo(2);
        assertThat(err.toString()).contains("not a dotted module name");
    }

    @Test
    void venvCheckReportsAMissingRequirement() throws Exception {
        Path venv = bareVenv(dir.resolve("venv"));

        assertThat(run("probe", "venv-check", venv.toString())).isZero();
        Path site;
        try (var libs = Files.list(venv.resolve("lib"))) {
            site = libs.findFirst().orElseThrow().resolve("site-packages");
        }
        Path info = Files.createDirectories(site.resolve("app-1.0.dist-info"));
        Files.writeString(
                info.resolve("METADATA"),
                "Metadata-Version: 2.1\nName: app\nVersion: 1.0\nRequires-Dist: greenlet>=1\n");
        assertThat(run("probe", "venv-check", venv.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("venv-broken-requirement: app: app 1.0 requires greenlet, which is not installed.");
    }

    @Test
    void driftProbeSaysBothVersions() throws IOException {
        serve(server, Map.of("/api/version", "{\"version\":\"0.20.4\"}"));
        Path binary =
                Files.createDirectories(dir.resolve("Cellar/ollama/0.21.2/bin")).resolve("ollama");
        Files.writeString(binary, "");
        Path link = Files.createSymbolicLink(dir.resolve("ollama"), binary);

        assertThat(run(
                        "probe",
                        "drift",
                        "--running",
                        url("/api/version") + "#/version",
                        "--installed",
                        link.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("running 0.20.4, installed 0.21.2: the running version is older");
    }

    @Test
    void alertPathFailsWhenAlertsFireWithoutAlertmanager() {
        serve(
                server,
                Map.of(
                        "/api/v1/alertmanagers",
                                "{\"status\":\"success\",\"data\":{\"activeAlertmanagers\":[],\"droppedAlertmanagers\":[]}}",
                        "/api/v1/rules",
                                "{\"status\":\"success\",\"data\":{\"groups\":[{\"rules\":[{\"type\":\"alerting\",\"name\":\"ServiceDown\"}]}]}}",
                        "/api/v1/alerts",
                                "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":\"ServiceDown\"},\"state\":\"firing\"}]}}",
                        "/metrics", "prometheus_notifications_dropped_total 0\n"));

        assertThat(run("probe", "alert-path", "--prometheus", url(""))).isEqualTo(1);
        assertThat(err.toString()).contains("(ServiceDown) evaluate into the void");
    }
}
