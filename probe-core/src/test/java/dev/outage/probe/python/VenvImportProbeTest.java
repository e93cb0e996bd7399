package dev.outage.probe.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.probe.CommandRunner;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.testing.PythonVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VenvImportProbeTest {

    static Path venv;

    @TempDir
    Path work;

    @BeforeAll
    static void buildVenv() throws IOException {
        venv = PythonVenvs.sharedSqlalchemyVenv();
    }

    @Test
    void importsEveryModuleFromTheVenvAndSaysWhereFrom() {
        ProbeResult result = VenvImportProbe.builder(venv, List.of("sqlalchemy", "greenlet", "json"))
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.facts().get("isolated.sqlalchemy"))
                .startsWith("ok from " + venv)
                .endsWith("__init__.py");
        assertThat(result.facts().get("isolated.greenlet")).contains("site-packages");
        assertThat(result.facts()).containsKey("isolated.json");
    }

    @Test
    void reportsEachFailingModuleWithItsExceptionAndKeepsGoing() {
        ProbeResult result = VenvImportProbe.builder(venv, List.of("no_such_module", "sqlalchemy", "greenlet.nope"))
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.problems())
                .extracting(p -> p.subject() + ": " + p.message())
                .containsExactly(
                        "no_such_module: import fails: ModuleNotFoundError: No module named 'no_such_module'",
                        "greenlet.nope: import fails: ModuleNotFoundError: No module named 'greenlet.nope'");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.ruleId()).isEqualTo(ProbeRules.VENV_IMPORT_FAILED));
        assertThat(result.facts().get("isolated.sqlalchemy")).startsWith("ok");
    }

    @Test
    void modulesShadowedOnTheServicePathAreUserSiteLeakage() throws IOException {
        Path stomped = Files.createDirectories(work.resolve("user/greenlet"));
        Files.writeString(stomped.resolve("__init__.py"), "raise ImportError('greenlet stomped by pip --user')\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PYTHONPATH", work.resolve("user").toString());

        ProbeResult result = VenvImportProbe.builder(venv, List.of("sqlalchemy", "greenlet"))
                .mode(VenvImportProbe.Mode.BOTH)
                .serviceEnvironment(env)
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.problems())
                .extracting(p -> p.ruleId() + " " + p.subject())
                .containsExactly(
                        ProbeRules.VENV_IMPORT_FAILED + " greenlet", ProbeRules.VENV_USER_SITE_SHADOWING + " greenlet");
        assertThat(result.problems().get(0).message())
                .contains("ImportError: greenlet stomped by pip --user")
                .contains(stomped.resolve("__init__.py").toString())
                .endsWith("(service environment only)");
    }

    @Test
    void aModuleOnlyInTheUserSiteImportsAsTheServiceRunsButNotIsolated() throws IOException {
        Path copy = PythonVenvs.copy(venv, work.resolve("venv"));
        Path cfg = copy.resolve("pyvenv.cfg");
        Files.writeString(
                cfg,
                Files.readString(cfg)
                        .replace("include-system-site-packages = false", "include-system-site-packages = true"));
        String majorMinor = PyvenvConfig.read(copy).majorMinor().orElseThrow();
        Path userSite = Files.createDirectories(work.resolve("userbase/lib/python" + majorMinor + "/site-packages"));
        Files.writeString(userSite.resolve("leaky_helper.py"), "VALUE = 1\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PYTHONUSERBASE", work.resolve("userbase").toString());

        ProbeResult result = VenvImportProbe.builder(copy, List.of("leaky_helper"))
                .mode(VenvImportProbe.Mode.BOTH)
                .serviceEnvironment(env)
                .build()
                .probe();

        assertThat(result.problems())
                .extracting(p -> p.ruleId())
                .containsExactly(ProbeRules.VENV_IMPORT_FAILED, ProbeRules.VENV_USER_SITE_SHADOWING);
        assertThat(result.problems().get(1).message())
                .contains("isolated ModuleNotFoundError")
                .contains("ok from " + userSite);
    }

    @Test
    void aHangingImportEndsAtTheTimeout() throws IOException {
        Path dir = Files.createDirectories(work.resolve("slow"));
        Files.writeString(dir.resolve("hangs_on_import.py"), "import time\ntime.sleep(600)\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PYTHONPATH", dir.toString());

        ProbeResult result = VenvImportProbe.builder(venv, List.of("hangs_on_import"))
                .mode(VenvImportProbe.Mode.SERVICE)
                .serviceEnvironment(env)
                .timeout(Duration.ofMillis(1500))
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.TIMED_OUT);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(6));
        assertThat(result.cause()).contains("1500 ms");
    }

    @Test
    void aDirectoryWithoutInterpreterIsAnErrorNotAnException() {
        ProbeResult result =
                VenvImportProbe.builder(work, List.of("json")).build().probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.ERROR);
        assertThat(result.cause()).contains("no executable interpreter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"os; import shutil", "1abc", "a..b", "-I", "", "sqlalchemy ", "a.b.", "é"})
    void rejectsModuleNamesThatAreNotDottedIdentifiersBeforeRunningAnything(String name) {
        CommandRunner mustNotRun = invocation -> {
            throw new AssertionError("ran " + invocation.command());
        };

        assertThatThrownBy(() -> VenvImportProbe.builder(venv, List.of("json", name))
                        .runner(mustNotRun)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a dotted module name");
    }
}
