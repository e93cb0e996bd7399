package dev.outage.probe.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.probe.Probe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeSpecTest {

    @Test
    void eachDeclarationBuildsTheProbesItStandsFor() {
        assertThat(ProbeSpec.Venv.of(Path.of("/srv/app/venv"), List.of("open_webui.main", "greenlet"))
                        .toProbes())
                .extracting(Probe::describe)
                .containsExactly("venv-import /srv/app/venv open_webui.main,greenlet", "venv-check /srv/app/venv");
        assertThat(new ProbeSpec.Http(
                                "http://127.0.0.1:8080/health", 200, List.of("/status=true"), Duration.ofSeconds(3))
                        .toProbes())
                .extracting(Probe::describe)
                .containsExactly("http http://127.0.0.1:8080/health");
        assertThat(new ProbeSpec.Drift(
                                "http://127.0.0.1:11434/api/version#/version", "/opt/homebrew/bin/ollama", null, null)
                        .toProbes())
                .extracting(Probe::describe)
                .containsExactly("drift http://127.0.0.1:11434/api/version#/version");
        assertThat(new ProbeSpec.AlertPath("http://127.0.0.1:9090", List.of("http://127.0.0.1:9093"), false, null)
                        .toProbes())
                .extracting(Probe::describe)
                .containsExactly("alert-path http://127.0.0.1:9090 -> http://127.0.0.1:9093");
        assertThat(new ProbeSpec.CrashLoop("systemd", "open-webui.service", 5, Duration.ofMinutes(5)).toProbes())
                .extracting(Probe::describe)
                .containsExactly("crash-loop systemd open-webui.service");
    }

    @Test
    void malformedDeclarationsNameTheField() {
        assertThatThrownBy(() -> new ProbeSpec.Venv(Path.of("v"), List.of("ok", "not ok"), null, true, null, null))
                .hasMessageStartingWith("imports[1]:");
        assertThatThrownBy(() -> new ProbeSpec.Venv(Path.of("v"), List.of(), "sometimes", true, null, null))
                .hasMessageStartingWith("mode:");
        assertThatThrownBy(() -> new ProbeSpec.Http("localhost:8080", null, List.of(), null))
                .hasMessageStartingWith("url:");
        assertThatThrownBy(() -> new ProbeSpec.Http("http://h/x", null, List.of("/a=1", "b"), null))
                .hasMessageStartingWith("expectJson[1]:");
        assertThatThrownBy(() -> new ProbeSpec.Drift("http://h/api/version", "/bin/x", null, null))
                .hasMessageContaining("URL#POINTER");
        assertThatThrownBy(() -> new ProbeSpec.AlertPath(null, List.of(), false, null))
                .hasMessageStartingWith("prometheus:");
        assertThatThrownBy(() -> new ProbeSpec.CrashLoop("upstart", "x", null, null))
                .hasMessageStartingWith("manager:");
    }
}
