package dev.outage.probe.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.testing.LocalHttpServer;
import dev.outage.probe.testing.PythonVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionDriftProbeTest {

    @TempDir
    Path dir;

    LocalHttpServer ollama;
    Path brewLink;

    @BeforeEach
    void setUp() throws IOException {
        ollama = LocalHttpServer.start().answer(200, "{\"version\":\"0.20.4\"}");
        Path cellar = Files.createDirectories(dir.resolve("Cellar/ollama/0.21.2/bin"));
        Files.writeString(cellar.resolve("ollama"), "binary");
        Files.createDirectories(dir.resolve("bin"));
        brewLink = Files.createSymbolicLink(dir.resolve("bin/ollama"), dir.resolve("Cellar/ollama/0.21.2/bin/ollama"));
    }

    @AfterEach
    void stop() {
        ollama.close();
    }

    private ProbeResult probe(InstalledVersionSource installed) {
        return VersionDriftProbe.builder(ollama.uri("/api/version"), "/version", installed)
                .timeout(Duration.ofSeconds(5))
                .build()
                .probe();
    }

    @Test
    void reportsARunningVersionOlderThanTheSymlinkedCellarOne() {
        ProbeResult result = probe(new InstalledVersionSource.FromPath(brewLink, null));

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.facts())
                .containsEntry("running", "0.20.4")
                .containsEntry("installed", "0.21.2")
                .containsEntry("differs-in", "minor");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo(ProbeRules.VERSION_DRIFT);
            assertThat(p.message())
                    .startsWith("running 0.20.4, installed 0.21.2: the running version is older (minor differs)");
        });
        assertThat(result.facts().get("installed-from")).contains("Cellar/ollama/0.21.2/bin/ollama");
    }

    @Test
    void passesWhenTheServiceRunsWhatIsInstalled() {
        ollama.answer(200, "{\"version\":\"0.21.2\"}");

        ProbeResult result = probe(new InstalledVersionSource.FromPath(brewLink, null));

        assertThat(result.status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.cause()).isEqualTo("running 0.21.2 is the installed version 0.21.2");
    }

    @Test
    void readsTheInstalledVersionFromACommandsOutputWithARegex() throws IOException {
        List<String> command = List.of(PythonVenvs.python(), "-c", "print('ollama version is 0.21.2')");

        ProbeResult result =
                probe(new InstalledVersionSource.FromCommand(command, Pattern.compile("version is (\\S+)")));

        assertThat(result.facts()).containsEntry("installed", "0.21.2");
        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
    }

    @Test
    void aHangingVersionEndpointEndsAtTheTimeout() {
        ollama.hang();

        ProbeResult result = VersionDriftProbe.builder(
                        ollama.uri("/api/version"), "/version", new InstalledVersionSource.FromPath(brewLink, null))
                .timeout(Duration.ofMillis(700))
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.TIMED_OUT);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anUnreadableVersionIsAnErrorSayingWhere() {
        ollama.answer(200, "{\"build\":\"x\"}");

        ProbeResult result = probe(new InstalledVersionSource.FromPath(brewLink, null));

        assertThat(result.status()).isEqualTo(ProbeStatus.ERROR);
        assertThat(result.cause()).contains("has no version at /version");
    }

    @Test
    void aMissingInstalledPathIsAnErrorNamingThePath() throws IOException {
        Path dangling =
                Files.createSymbolicLink(dir.resolve("bin/stale"), dir.resolve("Cellar/ollama/0.19.0/bin/ollama"));

        ProbeResult result = probe(new InstalledVersionSource.FromPath(dangling, null));

        assertThat(result.status()).isEqualTo(ProbeStatus.ERROR);
        assertThat(result.cause()).contains(dangling.toString()).contains("does not exist");
        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }

    @Test
    void parsesCommandLineArguments() {
        assertThat(VersionDriftProbe.parse("http://127.0.0.1:11434/api/version#/version", brewLink.toString(), null)
                        .build()
                        .describe())
                .isEqualTo("drift http://127.0.0.1:11434/api/version#/version");
        assertThat(InstalledVersionSource.parse("ollama --version", null))
                .isEqualTo(new InstalledVersionSource.FromCommand(List.of("ollama", "--version"), null));
        assertThat(InstalledVersionSource.parse(brewLink.toString(), null))
                .isInstanceOf(InstalledVersionSource.FromPath.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0.20.4, 0.21.2, -1, minor",
        "0.21.2, 0.21.2_1, 0, none",
        "v1.2.3, 1.2.3, 0, none",
        "1.2.3-rc1, 1.2.3, -1, pre-release",
        "1.10.0, 1.9.9, 1, minor",
        "2, 1.99.99, 1, major",
        "1.2.3.4, 1.2.3.5, -1, build",
        "1.2, 1.2.0, 0, none"
    })
    void comparesReleaseVersionsNumberByNumber(String a, String b, int sign, String part) {
        ReleaseVersion x = new ReleaseVersion(a);
        ReleaseVersion y = new ReleaseVersion(b);

        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(sign);
        assertThat(Integer.signum(y.compareTo(x))).isEqualTo(-sign);
        assertThat(x.differingPart(y)).isEqualTo(part);
    }
}
