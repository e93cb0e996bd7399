package dev.outage.probe.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {

    private static final MarkerEnvironment LINUX_311 = new MarkerEnvironment(Map.ofEntries(
            Map.entry("python_version", "3.11"),
            Map.entry("python_full_version", "3.11.7"),
            Map.entry("os_name", "posix"),
            Map.entry("sys_platform", "linux"),
            Map.entry("platform_system", "Linux"),
            Map.entry("platform_machine", "x86_64"),
            Map.entry("platform_release", "6.1.0"),
            Map.entry("platform_version", ""),
            Map.entry("platform_python_implementation", "CPython"),
            Map.entry("implementation_name", "cpython"),
            Map.entry("implementation_version", "3.11.7"),
            Map.entry("extra", "")));

    @Test
    void readsNameExtrasSpecifiersAndMarker() {
        Requirement r = Requirement.parse("SQLAlchemy[asyncio, mypy] (>=2.0,<2.1) ; python_version >= \"3.8\"");

        assertThat(r.name()).isEqualTo("SQLAlchemy");
        assertThat(r.canonicalName()).isEqualTo("sqlalchemy");
        assertThat(r.extras()).containsExactly("asyncio", "mypy");
        assertThat(r.specifier().toString()).isEqualTo("<2.1,>=2.0");
        assertThat(r.appliesIn(LINUX_311)).isTrue();
        assertThat(r).hasToString("SQLAlchemy[asyncio,mypy]<2.1,>=2.0; python_version >= \"3.8\"");
    }

    @Test
    void readsDirectReferences() {
        Requirement r = Requirement.parse("pip @ https://example.org/pip-23.2.1-py3-none-any.whl ; os_name == 'posix'");

        assertThat(r.url()).isEqualTo("https://example.org/pip-23.2.1-py3-none-any.whl");
        assertThat(r.specifier().isEmpty()).isTrue();
        assertThat(r.appliesIn(LINUX_311)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "python_version < \"3.8\"|false",
                "python_full_version >= '3.11.7'|true",
                "platform_machine == \"aarch64\" or (platform_machine == \"x86_64\" or platform_machine == \"AMD64\")|true",
                "sys_platform == 'linux' and extra == 'docs'|false",
                "'linux' in sys_platform and os.name == 'posix'|true",
                "platform_release >= '6'|true",
                "implementation_name != 'cpython' or python_version not in '3.10 3.11'|false",
                "python_version ~= '3.9'|true",
                "python_version == '3.*'|true"
            })
    void evaluatesMarkersForAnEnvironment(String marker, boolean expected) {
        assertThat(Marker.parse(marker).evaluate(LINUX_311)).isEqualTo(expected);
    }

    @Test
    void extraComparesNormalisedNames() {
        Marker marker = Marker.parse("extra == 'postgresql_asyncpg'");

        assertThat(marker.evaluate(LINUX_311.with("extra", "postgresql-asyncpg")))
                .isTrue();
        assertThat(marker.evaluate(LINUX_311)).isFalse();
    }

    @Test
    void syntaxErrorsNameTheColumn() {
        assertThatThrownBy(() -> Marker.parse("python_version <"))
                .hasMessageStartingWith("marker column 17: expected a variable or a quoted string");
        assertThatThrownBy(() -> Marker.parse("pythonversion < '3'"))
                .hasMessageStartingWith("marker column 1: unknown marker variable 'pythonversion'");
        assertThatThrownBy(() -> Marker.parse("(os_name == 'posix'"))
                .hasMessageStartingWith("marker column 20: expected ')'");
        assertThatThrownBy(() -> Requirement.parse("foo >= 1.0.x"))
                .hasMessageContaining("not a PEP 440 version in specifier: '>=1.0.x'")
                .hasMessageContaining("in requirement 'foo >= 1.0.x'");
        assertThatThrownBy(() -> Requirement.parse("[extra] foo"))
                .hasMessageContaining("does not start with a project name");
        assertThatThrownBy(() -> VersionSpecifier.parse("~=1")).hasMessageContaining("at least two release numbers");
        assertThatThrownBy(() -> VersionSpecifier.parse(">=1.*")).hasMessageContaining("only allowed after == or !=");
    }

    @Test
    void normalisesVersionsAsPep440Says() {
        assertThat(List.of("1.0-ALPHA.1", "v2.0.post", "1.0-1", "1!2.0c3.dev4+Ubuntu-1", "2.0.54"))
                .extracting(v -> Pep440Version.parse(v).toString())
                .containsExactly("1.0a1", "2.0.post0", "1.0.post1", "1!2.0rc3.dev4+ubuntu.1", "2.0.54");
        assertThat(Pep440Version.tryParse("2.0.54-ubuntu")).isEmpty();
    }

    @Test
    void readsPyvenvCfg() {
        PyvenvConfig cfg = PyvenvConfig.parse("""
                home = /usr/bin
                include-system-site-packages = TRUE
                version_info = 3.11.2.final.0
                no equals sign here
                """);

        assertThat(cfg.home()).isEqualTo("/usr/bin");
        assertThat(cfg.includeSystemSitePackages()).isTrue();
        assertThat(cfg.majorMinor()).contains("3.11");
    }
}
