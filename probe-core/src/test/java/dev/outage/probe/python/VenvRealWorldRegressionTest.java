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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differences from {@code pip check} and false RECORD problems found by running {@code venv-check}
 * on real venvs (pyenv and Debian Pythons, virtualenv, editable and legacy installs), each
 * reproduced here in a small venv.
 */
class VenvRealWorldRegressionTest {

    static Path base;

    @TempDir
    Path work;

    @BeforeAll
    static void buildVenv() throws IOException {
        base = PythonVenvs.sharedSqlalchemyVenv();
    }

    // numpy 1.26 ships numpy/distutils/__pycache__/*.pyc: pip lists it with the wheel's hash,
    // compiles the .py over it and lists it again without a hash.
    @Test
    void aPycShippedInTheWheelAndCompiledOverByPipIsNotAModifiedFile() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("shipped-pyc"));
        String tag =
                "cpython-" + PyvenvConfig.read(venv).majorMinor().orElseThrow().replace(".", "");
        String pyc = "__pycache__/shipspyc." + tag + ".pyc";
        Path wheel = Wheels.write(work, "shipspyc", "1.0", List.of(), Map.of(pyc, "not the bytes a compiler writes\n"));
        PythonVenvs.pip(venv, List.of("-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel.toString()));
        Path site = PythonVenvs.sitePackages(venv);
        String record = Files.readString(site.resolve("shipspyc-1.0.dist-info/RECORD"));

        VenvInspection changed =
                VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();
        VenvInspection full = VenvInspector.forVenv(venv)
                .withUserSites(List.of())
                .withRecordCheck(VenvInspector.RecordCheck.FULL)
                .inspect();

        assertThat(record.lines().filter(l -> l.startsWith(pyc + ",")))
                .as("pip lists the shipped .pyc twice")
                .hasSize(2);
        assertThat(Files.readString(site.resolve(pyc), StandardCharsets.ISO_8859_1))
                .doesNotContain("not the bytes");
        assertThat(PythonVenvs.pipCheck(venv, work.resolve("no-user")).exitCode())
                .isZero();
        assertThat(changed.problems()).isEmpty();
        assertThat(full.problems()).isEmpty();
    }

    @Test
    void aModuleBesideAShippedPycIsStillCheckedAgainstItsRecord() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("edited-beside-pyc"));
        String tag =
                "cpython-" + PyvenvConfig.read(venv).majorMinor().orElseThrow().replace(".", "");
        Path wheel =
                Wheels.write(work, "shipspyc", "1.0", List.of(), Map.of("__pycache__/shipspyc." + tag + ".pyc", "x\n"));
        PythonVenvs.pip(venv, List.of("-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel.toString()));
        Files.writeString(PythonVenvs.sitePackages(venv).resolve("shipspyc.py"), "VERSION = 'stomped'\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();

        assertThat(inspection.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo(ProbeRules.VENV_FILE_MODIFIED);
            assertThat(p.subject()).endsWith("shipspyc.py");
        });
    }

    // `setup.py develop` leaves an egg-info in the project and its path in easy-install.pth; pip
    // check finds it on sys.path and checks its requirements.
    @Test
    void distributionsOnPathsFromPthFilesAreCheckedLikePipCheck() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("develop"));
        Path project = Files.createDirectories(work.resolve("legacy project"));
        Path eggInfo = Files.createDirectories(project.resolve("Legacy.Pkg.egg-info"));
        Files.writeString(eggInfo.resolve("PKG-INFO"), "Metadata-Version: 2.1\nName: Legacy.Pkg\nVersion: 1.0\n");
        Files.writeString(eggInfo.resolve("requires.txt"), "tabulate-not-here>=0.8\ngreenlet<1\n\n[fast]\norjson\n");
        Path site = PythonVenvs.sitePackages(venv);
        Files.writeString(
                site.resolve("easy-install.pth"),
                "# comment\nimport sys\n" + project + "\n" + work.resolve("does-not-exist") + "\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();
        PythonVenvs.Run pip = PythonVenvs.pipCheck(venv, work.resolve("no-user"));

        List<String> pipLines = Arrays.stream(pip.stdout().split("\\R"))
                .filter(l -> !l.isBlank())
                .toList();
        assertThat(pip.exitCode()).isEqualTo(1);
        assertThat(inspection.pipCheckProblems())
                .extracting(VenvProblem::message)
                .containsExactlyInAnyOrderElementsOf(pipLines)
                .contains("legacy-pkg 1.0 requires tabulate-not-here, which is not installed.")
                .anySatisfy(m -> assertThat(m).startsWith("legacy-pkg 1.0 has requirement greenlet<1"));
    }

    @Test
    void relativePthLinesAreResolvedAgainstTheSiteDirectory() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("relative-pth"));
        Path site = PythonVenvs.sitePackages(venv);
        Path extra = Files.createDirectories(site.resolve("vendored"));
        Path eggInfo = Files.createDirectories(extra.resolve("vendored_dist.egg-info"));
        Files.writeString(eggInfo.resolve("PKG-INFO"), "Metadata-Version: 2.1\nName: vendored-dist\nVersion: 2\n");
        Files.writeString(eggInfo.resolve("requires.txt"), "missing-dep\n");
        Files.writeString(site.resolve("zz-vendored.pth"), "vendored\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();
        PythonVenvs.Run pip = PythonVenvs.pipCheck(venv, work.resolve("no-user"));

        assertThat(pip.stdout()).contains("vendored-dist 2 requires missing-dep, which is not installed.");
        assertThat(inspection.pipCheckProblems())
                .extracting(VenvProblem::message)
                .containsExactly("vendored-dist 2 requires missing-dep, which is not installed.");
    }

    // virtualenv before 20.19 wrote only version_info = 3.8.10.final.0 into pyvenv.cfg.
    @Test
    void virtualenvVersionInfoIsReadAsPythonSpellsTheVersion() {
        assertThat(PyvenvConfig.parse("version_info = 3.8.10.final.0\n").version())
                .isEqualTo("3.8.10");
        assertThat(PyvenvConfig.parse("version_info = 3.13.0.candidate.1\n").version())
                .isEqualTo("3.13.0rc1");
        assertThat(PyvenvConfig.parse("version_info = 3.12.0.beta.4\n").version())
                .isEqualTo("3.12.0b4");
        assertThat(PyvenvConfig.parse("version_info = 3.12.5\n").version()).isEqualTo("3.12.5");
        assertThat(PyvenvConfig.parse("version = 3.11.7\nversion_info = 3.11.7.final.0\n")
                        .version())
                .isEqualTo("3.11.7");
    }

    @Test
    void fullVersionMarkersHoldInAVenvWithOnlyVersionInfo() throws IOException {
        Path venv = work.resolve("old-virtualenv");
        Path site = Files.createDirectories(venv.resolve("lib/python3.8/site-packages"));
        Files.writeString(
                venv.resolve("pyvenv.cfg"),
                "home = /usr/bin\nimplementation = CPython\nversion_info = 3.8.10.final.0\n"
                        + "virtualenv = 20.0.17\ninclude-system-site-packages = false\n");
        Path info = Files.createDirectories(site.resolve("app-1.0.dist-info"));
        Files.writeString(
                info.resolve("METADATA"),
                "Metadata-Version: 2.1\nName: app\nVersion: 1.0\n"
                        + "Requires-Dist: exact-backport; python_full_version == \"3.8.10\"\n"
                        + "Requires-Dist: newer-only; python_full_version >= \"3.8.11\"\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();

        assertThat(inspection.problems())
                .extracting(VenvProblem::message)
                .containsExactly("app 1.0 requires exact-backport, which is not installed.");
    }

    // `outage probe venv pyenv-a --import ...` from the venv's parent directory could not start
    // the interpreter: the relative path was resolved in the venv, the process's directory.
    @Test
    void theImportProbeStartsTheInterpreterOfAVenvGivenByARelativePath() {
        Path relative = Path.of("").toAbsolutePath().relativize(base);

        ProbeResult result = VenvImportProbe.builder(relative, List.of("sqlalchemy", "greenlet"))
                .mode(VenvImportProbe.Mode.BOTH)
                .build()
                .probe();

        assertThat(relative.isAbsolute()).isFalse();
        assertThat(result.status()).as(result.toString()).isEqualTo(ProbeStatus.PASSED);
    }

    // Newer setuptools write Requires-Dist into an egg-info's PKG-INFO as well as requires.txt;
    // importlib.metadata, and so pip check, reads PKG-INFO's and falls back to requires.txt.
    @Test
    void anEggInfoWithRequiresDistInPkgInfoIsCheckedLikePipCheck() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("egg-requires-dist"));
        Path site = PythonVenvs.sitePackages(venv);
        Path withHeaders = Files.createDirectories(site.resolve("with_headers-1.0-py3.11.egg-info"));
        Files.writeString(
                withHeaders.resolve("PKG-INFO"),
                "Metadata-Version: 2.1\nName: with-headers\nVersion: 1.0\nRequires-Dist: from-pkg-info\n");
        Files.writeString(withHeaders.resolve("requires.txt"), "from-requires-txt\n");
        Path without = Files.createDirectories(site.resolve("without_headers-1.0-py3.11.egg-info"));
        Files.writeString(without.resolve("PKG-INFO"), "Metadata-Version: 1.0\nName: without-headers\nVersion: 1.0\n");
        Files.writeString(without.resolve("requires.txt"), "only-in-requires-txt\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();
        PythonVenvs.Run pip = PythonVenvs.pipCheck(venv, work.resolve("no-user"));

        List<String> expected = List.of(
                "with-headers 1.0 requires from-pkg-info, which is not installed.",
                "without-headers 1.0 requires only-in-requires-txt, which is not installed.");
        assertThat(pip.stdout().lines().filter(l -> !l.isBlank())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(inspection.pipCheckProblems())
                .extracting(VenvProblem::message)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    // `setup.py install` (setuptools before 80) puts an .egg directory into site-packages and its
    // path into easy-install.pth; pip check (23.2 and 26 alike) reads its EGG-INFO.
    @Test
    void anEggDirectoryOnAPthPathIsCheckedLikePipCheck() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("egg-directory"));
        Path site = PythonVenvs.sitePackages(venv);
        Path egg = Files.createDirectories(site.resolve("Legacy.Pkg-1.0-py3.11.egg"));
        Path eggInfo = Files.createDirectories(egg.resolve("EGG-INFO"));
        Files.writeString(eggInfo.resolve("PKG-INFO"), "Metadata-Version: 2.1\nName: Legacy.Pkg\nVersion: 1.0\n");
        Files.writeString(eggInfo.resolve("requires.txt"), "tabulate-not-here>=0.8\n\n[fast]\norjson\n");
        Files.createDirectories(egg.resolve("legacypkg"));
        Files.writeString(egg.resolve("legacypkg/__init__.py"), "");
        Files.writeString(site.resolve("easy-install.pth"), "./Legacy.Pkg-1.0-py3.11.egg\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();
        PythonVenvs.Run pip = PythonVenvs.pipCheck(venv, work.resolve("no-user"));

        String expected = "legacy-pkg 1.0 requires tabulate-not-here, which is not installed.";
        assertThat(pip.stdout().lines().filter(l -> l.endsWith("is not installed.")))
                .containsExactly(expected);
        assertThat(inspection.pipCheckProblems())
                .extracting(VenvProblem::message)
                .containsExactly(expected);
        assertThat(inspection.distributions())
                .extracting(InstalledDistribution::canonicalName)
                .contains("legacy-pkg");
    }

    // zip_safe projects get a zipped .egg file from `setup.py install`.
    @Test
    void aZippedEggOnAPthPathIsCheckedLikePipCheck() throws IOException {
        Path venv = PythonVenvs.copy(base, work.resolve("zipped-egg"));
        Path site = PythonVenvs.sitePackages(venv);
        Path egg = site.resolve("Zipped_Pkg-2.0-py3.11.egg");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(egg))) {
            Map<String, String> files = new java.util.LinkedHashMap<>();
            files.put("EGG-INFO/PKG-INFO", "Metadata-Version: 2.1\nName: Zipped-Pkg\nVersion: 2.0\n");
            files.put("EGG-INFO/requires.txt", "greenlet<1\nmissing-zipped-dep\n");
            files.put("zippedpkg/__init__.py", "");
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.writeString(site.resolve("easy-install.pth"), "./Zipped_Pkg-2.0-py3.11.egg\n");

        VenvInspection inspection =
                VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();
        PythonVenvs.Run pip = PythonVenvs.pipCheck(venv, work.resolve("no-user"));

        List<String> pipLines =
                pip.stdout().lines().filter(l -> l.startsWith("zipped-pkg")).toList();
        assertThat(pipLines).hasSize(2);
        assertThat(inspection.pipCheckProblems())
                .extracting(VenvProblem::message)
                .containsExactlyInAnyOrderElementsOf(pipLines);
    }
}
