package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ProbeCommandTest.serve(server, Map.of("/health", "{\"status\":true}"));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private int run(String... args) {
        return Outage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private String health() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    private String[] restart(Path marker, int status) {
        return new String[] {
            "python3",
            "-c",
            "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text('x'); print('kicked'); sys.exit(" + status + ")",
            marker.toString()
        };
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void runsTheCommandWhenEveryProbePassesAndExitsWithItsStatus() throws Exception {
        Path venv = ProbeCommandTest.bareVenv(dir.resolve("venv"));
        Path marker = dir.resolve("marker");
        String[] args = {
            "gate",
            "--venv",
            venv.toString(),
            "--import",
            "json",
            "--http",
            health(),
            "--expect-json",
            "/status=true",
            "--"
        };

        assertThat(run(concat(args, restart(marker, 3)))).isEqualTo(3);
        assertThat(marker).exists();
        assertThat(out.toString())
                .contains("PASSED venv-import")
                .contains("PASSED http")
                .contains("kicked");
    }

    @Test
    void leavesTheServiceAloneWhenAnImportFails() throws Exception {
        Path venv = ProbeCommandTest.bareVenv(dir.resolve("venv"));
        Path marker = dir.resolve("marker");
        String[] args = {"gate", "--venv", venv.toString(), "--import", "greenlet,json", "--"};

        assertThat(run(concat(args, restart(marker, 0)))).isEqualTo(1);
        assertThat(Files.exists(marker)).isFalse();
        assertThat(err.toString())
                .contains("gate: not running python3, the service was left alone")
                .contains("No module named 'greenlet'");
    }

    @Test
    void missingCommandOrBadDriftIsBadUsage() {
        assertThat(run("gate", "--http", health())).isEqualTo(2);
        assertThat(run("gate", "--drift", "http://127.0.0.1:1/v#/version", "--", "true"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("RUNNING_URL#POINTER=INSTALLED_PATH");
    }
}
