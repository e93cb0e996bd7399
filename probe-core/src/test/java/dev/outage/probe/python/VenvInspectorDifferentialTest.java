package dev.outage.probe.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.testing.PythonVenvs;
import dev.outage.probe.testing.Wheels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breaks real venvs (built once with {@code python3 -m venv} and pip) in several ways and checks
 * that the requirement problems we find are exactly the ones {@code pip check} prints.
 */
class VenvInspectorDifferentialTest {

    private static final Pattern MISSING = Pattern.compile("(\\S+) (\\S+) requires (\\S+), which is not installed\\.");
    private static final Pattern CONFLICT =
            Pattern.compile("(\\S+) (\\S+) has requirement .*, but you have (\\S+) (\\S+)\\.");

    static Path base;

    @TempDir
    Path work;

    @BeforeAll
    static void buildVenv() throws IOException {
        base = PythonVenvs.sharedSqlalchemyVenv();
    }

    @Test
    void healthyVenvHasNoProblemsLikePipCheck() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("healthy"));

        VenvInspection inspection = inspect(venv);

        assertSameAsPipCheck(venv, inspection);
        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.distributions())
                .extracting(InstalledDistribution::canonicalName)
                .contains("sqlalchemy", "greenlet", "typing-extensions", "pip");
    }

    @Test
    void uninstalledGreenletIsAMissingRequirementLikePipCheck() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("no-greenlet"));
        PythonVenvs.pip(venv, List.of("-m", "pip", "uninstall", "-q", "-y", "greenlet"));

        VenvInspection inspection = inspect(venv);

        assertSameAsPipCheck(venv, inspection);
        assertThat(inspection.pipCheckProblems())
                .extracting(VenvProblem::message)
                .containsExactly("sqlalchemy 2.0.54 requires greenlet, which is not installed."
                        .replace("2.0.54", version(inspection, "sqlalchemy")));
    }

    @Test
    void editedFileIsARecordMismatchThatPipCheckDoesNotSee() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("edited"));
        Path file = PythonVenvs.detach(PythonVenvs.sitePackages(venv).resolve("sqlalchemy/__init__.py"));
        Files.writeString(file, "\n# stomped\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(PythonVenvs.sitePackages(venv).resolve("greenlet/__init__.py"));

        VenvInspection inspection = inspect(venv);

        assertSameAsPipCheck(venv, inspection);
        assertThat(inspection.problems())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.ruleId()).isEqualTo(ProbeRules.VENV_FILE_MODIFIED));
        assertThat(inspection.problems())
                .extracting(VenvProblem::message)
                .anySatisfy(m -> assertThat(m).contains("sqlalchemy").contains("bytes"))
                .anySatisfy(m -> assertThat(m).contains("greenlet").contains("missing"));
    }

    @Test
    void aSameSizeEditWithItsTimeSetBackIsFoundOnlyByFullHashing() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("sneaky"));
        Path file = PythonVenvs.sitePackages(venv).resolve("sqlalchemy/__init__.py");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(file);
        String text = Files.readString(PythonVenvs.detach(file));
        Files.writeString(file, text.replaceFirst("(?m)^__version__ = \"\\d", "__version__ = \"9"));
        Files.setLastModifiedTime(file, before);

        VenvInspection changed = inspect(venv);
        VenvInspection full = VenvInspector.forVenv(venv)
                .withUserSites(List.of())
                .withRecordCheck(VenvInspector.RecordCheck.FULL)
                .inspect();

        assertThat(Files.size(file)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(changed.problems()).isEmpty();
        assertThat(full.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has a different sha256 than its RECORD"));
    }

    @Test
    void conflictsMarkersAndExtrasAreJudgedLikePipCheck() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("conflict"));
        Path wheel = Wheels.write(
                work,
                "demoapp",
                "1.0",
                List.of(
                        "greenlet<1",
                        "typing_extensions>=99",
                        "SQLAlchemy[asyncio]>=2,<2.1",
                        "not-installed-anywhere; python_version < \"3\"",
                        "needed-on-this-platform; os_name == \"posix\" and python_version >= \"3.8\"",
                        "only-with-extra; extra == \"docs\"",
                        "windows-only; sys_platform == \"win32\"",
                        "prerelease-ok>=1.0rc1; platform_machine == \"never\"",
                        "pip>=1.0.dev0",
                        "setuptools!=65.*"));
        PythonVenvs.pip(venv, List.of("-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel.toString()));

        VenvInspection inspection = inspect(venv);

        assertSameAsPipCheck(venv, inspection);
        assertThat(inspection.pipCheckProblems())
                .extracting(VenvProblem::message)
                .containsExactlyInAnyOrder(
                        "demoapp 1.0 requires needed-on-this-platform, which is not installed.",
                        "demoapp 1.0 has requirement greenlet<1, but you have greenlet "
                                + version(inspection, "greenlet") + ".",
                        "demoapp 1.0 has requirement typing_extensions>=99, but you have typing-extensions "
                                + version(inspection, "typing-extensions") + ".",
                        "demoapp 1.0 has requirement setuptools!=65.*, but you have setuptools "
                                + version(inspection, "setuptools") + ".");
    }

    @Test
    void editedVersionInMetadataIsAConflictLikePipCheck() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("downgraded"));
        Path metadata = PythonVenvs.detach(distInfo(venv, "greenlet").resolve("METADATA"));
        Files.writeString(metadata, Files.readString(metadata).replaceFirst("(?m)^Version: .*$", "Version: 0.4.17"));

        VenvInspection inspection = inspect(venv);

        assertSameAsPipCheck(venv, inspection);
        assertThat(inspection.pipCheckProblems()).hasSize(1);
        assertThat(inspection.problems()).anySatisfy(p -> assertThat(p).isInstanceOf(VenvProblem.FileModified.class));
    }

    @Test
    void secondDistInfoOfOneProjectIsReportedAndTheVisibleOneIsPipChecksChoice() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("duplicate"));
        Path original = distInfo(venv, "greenlet");
        Path stale = original.resolveSibling("greenlet-0.4.17.dist-info");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("METADATA"), "Metadata-Version: 2.1\nName: greenlet\nVersion: 0.4.17\n");

        VenvInspection inspection = inspect(venv);

        assertSameAsPipCheck(venv, inspection);
        assertThat(inspection.problems())
                .anySatisfy(p -> assertThat(p).isInstanceOf(VenvProblem.DuplicateDistribution.class));
    }

    @Test
    void userSiteLeaksIntoAVenvWithSystemSitePackagesAndItsCopiesWouldShadow() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("user-site"));
        Path cfg = venv.resolve("pyvenv.cfg");
        Files.writeString(
                cfg,
                Files.readString(cfg)
                        .replace("include-system-site-packages = false", "include-system-site-packages = true"));
        Path userBase = work.resolve("userbase");
        String majorMinor = PyvenvConfig.read(venv).majorMinor().orElseThrow();
        Path userSite = Files.createDirectories(userBase.resolve("lib/python" + majorMinor + "/site-packages"));
        Files.createDirectories(userSite.resolve("greenlet"));
        Files.writeString(userSite.resolve("greenlet/__init__.py"), "raise ImportError('stomped by pip --user')\n");
        Path stale = Files.createDirectories(userSite.resolve("greenlet-0.4.17.dist-info"));
        Files.writeString(stale.resolve("METADATA"), "Metadata-Version: 2.1\nName: greenlet\nVersion: 0.4.17\n");
        Path leaky = Files.createDirectories(userSite.resolve("leaky_tool-1.0.dist-info"));
        Files.writeString(
                leaky.resolve("METADATA"),
                "Metadata-Version: 2.1\nName: leaky-tool\nVersion: 1.0\nRequires-Dist: absent-helper>=2\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of(userSite)).inspect();

        assertSameAsPipCheck(venv, inspection, userBase);
        assertThat(inspection.pipCheckProblems())
                .extracting(VenvProblem::message)
                .containsExactly("leaky-tool 1.0 requires absent-helper, which is not installed.");
        assertThat(inspection.problems())
                .filteredOn(p -> p instanceof VenvProblem.UserSiteShadowing)
                .extracting(p -> p.subject() + " " + ((VenvProblem.UserSiteShadowing) p).active())
                .containsExactlyInAnyOrder("greenlet false", "leaky-tool true");
    }

    @Test
    void userSiteCopiesDoNotFailAnIsolatedVenvThatCannotSeeThem() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("isolated-user-site"));
        Path userBase = work.resolve("isolated-userbase");
        String majorMinor = PyvenvConfig.read(venv).majorMinor().orElseThrow();
        Path userSite = Files.createDirectories(userBase.resolve("lib/python" + majorMinor + "/site-packages"));
        Files.createDirectories(userSite.resolve("greenlet"));
        Files.writeString(userSite.resolve("greenlet/__init__.py"), "raise ImportError('stomped by pip --user')\n");
        Path stale = Files.createDirectories(userSite.resolve("greenlet-0.4.17.dist-info"));
        Files.writeString(stale.resolve("METADATA"), "Metadata-Version: 2.1\nName: greenlet\nVersion: 0.4.17\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of(userSite)).inspect();

        assertSameAsPipCheck(venv, inspection, userBase);
        assertThat(inspection.problems()).noneMatch(p -> p instanceof VenvProblem.UserSiteShadowing);
    }

    @Test
    void checkProbeFailsOnABrokenVenvAndPassesOnAHealthyOne() throws IOException {
        Path healthy = PythonVenvs.copy(base, work.resolve("probe-healthy"));
        Path broken = PythonVenvs.copy(base, work.resolve("probe-broken"));
        PythonVenvs.pip(broken, List.of("-m", "pip", "uninstall", "-q", "-y", "greenlet"));

        ProbeResult good = new VenvCheckProbe(VenvInspector.forVenv(healthy).withUserSites(List.of())).probe();
        ProbeResult bad = new VenvCheckProbe(VenvInspector.forVenv(broken).withUserSites(List.of())).probe();
        ProbeResult none = VenvCheckProbe.of(work.resolve("not-a-venv")).probe();

        assertThat(good.status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(bad.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(bad.cause()).contains("requires greenlet, which is not installed");
        assertThat(bad.problems()).extracting(p -> p.ruleId()).containsOnly(ProbeRules.VENV_BROKEN_REQUIREMENT);
        assertThat(none.status()).isEqualTo(ProbeStatus.ERROR);
        assertThat(none.cause()).contains("pyvenv.cfg");
    }

    private VenvInspection inspect(Path venv) throws IOException {
        return VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();
    }

    private void assertSameAsPipCheck(Path venv, VenvInspection inspection) throws IOException {
        assertSameAsPipCheck(venv, inspection, Files.createDirectories(work.resolve("empty-userbase")));
    }

    // Missing lines must match pip's text exactly; conflict lines by project, version and the installed
    // dependency (pip prints markers in packaging's own spelling).
    private static void assertSameAsPipCheck(Path venv, VenvInspection inspection, Path userBase) throws IOException {
        PythonVenvs.Run pip = PythonVenvs.pipCheck(venv, userBase);
        assertThat(keys(pip.stdout()))
                .as("pip check said:%n%s", pip.stdout())
                .isEqualTo(keys(String.join(
                        "\n",
                        inspection.pipCheckProblems().stream()
                                .map(VenvProblem::message)
                                .toList())));
        assertThat(pip.exitCode() == 0).isEqualTo(inspection.pipCheckProblems().isEmpty());
    }

    private static Set<String> keys(String output) {
        Set<String> keys = new TreeSet<>();
        for (String line : output.split("\\R")) {
            Matcher missing = MISSING.matcher(line.strip());
            Matcher conflict = CONFLICT.matcher(line.strip());
            if (missing.matches()) {
                keys.add(line.strip());
            } else if (conflict.matches()) {
                keys.add("conflict " + conflict.group(1) + " " + conflict.group(2) + " " + conflict.group(3) + " "
                        + conflict.group(4));
            }
        }
        return keys;
    }

    private static String version(VenvInspection inspection, String project) {
        return inspection.distributions().stream()
                .filter(d -> d.canonicalName().equals(project))
                .findFirst()
                .orElseThrow()
                .displayVersion();
    }

    private static Path distInfo(Path venv, String project) throws IOException {
        List<Path> found = new ArrayList<>();
        try (var children = Files.list(PythonVenvs.sitePackages(venv))) {
            children.filter(p -> p.getFileName().toString().toLowerCase().startsWith(project + "-")
                            && p.getFileName().toString().endsWith(".dist-info"))
                    .forEach(found::add);
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
