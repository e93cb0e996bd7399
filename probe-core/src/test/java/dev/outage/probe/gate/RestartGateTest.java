package dev.outage.probe.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.http.HttpHealthProbe;
import dev.outage.probe.http.JsonAssertion;
import dev.outage.probe.python.VenvImportProbe;
import dev.outage.probe.testing.LocalHttpServer;
import dev.outage.probe.testing.PythonVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartGateTest {

    @TempDir
    Path dir;

    private List<String> restart(Path marker, int exitCode) throws IOException {
        return List.of(
                PythonVenvs.python(),
                "-c",
                "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text('restarted'); print('kickstarted'); sys.exit(int(sys.argv[2]))",
                marker.toString(),
                String.valueOf(exitCode));
    }

    @Test
    void runsTheRestartCommandWhenEveryProbePassesAndEndsWithItsStatus() throws Exception {
        Path marker = dir.resolve("restarted");
        try (LocalHttpServer health = LocalHttpServer.start().answer(200, "{\"status\":true}")) {
            GateOutcome outcome = RestartGate.builder(restart(marker, 3))
                    .probe(HttpHealthProbe.builder(health.uri("/health"))
                            .expectJson(JsonAssertion.parse("/status=true"))
                            .build())
                    .probe(VenvImportProbe.builder(
                                    PythonVenvs.sharedSqlalchemyVenv(), List.of("sqlalchemy", "greenlet"))
                            .build())
                    .build()
                    .run();

            assertThat(outcome).isInstanceOf(GateOutcome.Restarted.class);
            assertThat(outcome.exitCode()).isEqualTo(3);
            assertThat(((GateOutcome.Restarted) outcome).output().stdout()).contains("kickstarted");
            assertThat(marker).hasContent("restarted");
            assertThat(outcome.results()).extracting(ProbeResult::status).containsOnly(ProbeStatus.PASSED);
        }
    }

    @Test
    void leavesTheServiceAloneWhenAProbeFailsAndSaysWhy() throws Exception {
        Path marker = dir.resolve("restarted");
        try (LocalHttpServer health = LocalHttpServer.start().answer(200, "{\"status\":true}")) {
            GateOutcome outcome = RestartGate.builder(restart(marker, 0))
                    .probe(VenvImportProbe.builder(PythonVenvs.sharedSqlalchemyVenv(), List.of("open_webui.main"))
                            .build())
                    .probe(HttpHealthProbe.builder(health.uri("/health")).build())
                    .build()
                    .run();

            assertThat(outcome).isInstanceOf(GateOutcome.Blocked.class);
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(Files.exists(marker)).isFalse();
            assertThat(((GateOutcome.Blocked) outcome).failures())
                    .singleElement()
                    .satisfies(r -> assertThat(r.cause()).contains("No module named 'open_webui'"));
            assertThat(outcome.results()).hasSize(2);
        }
    }

    @Test
    void aCommandThatCannotStartIsReportedNotThrown() throws Exception {
        GateOutcome outcome = RestartGate.builder(
                        List.of(dir.resolve("no-such-program").toString()))
                .build()
                .run();

        assertThat(outcome).isInstanceOf(GateOutcome.NotStarted.class);
        assertThat(outcome.exitCode()).isEqualTo(127);
    }
}
