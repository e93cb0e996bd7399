package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    private static final Path POSTMORTEM = Path.of("..", "examples", "postmortem");
    private static final Path FIXED = Path.of("..", "examples", "postmortem-fixed");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Outage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void postmortemExampleFailsListingItsFaults() {
        int exit = run("audit", POSTMORTEM.toString());

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("modules/ollama.nix:")
                .contains("[darwin-activation-script-never-runs]")
                .contains("[darwin-activation-deps-unsupported]")
                .contains("[pip-user-install]")
                .contains("monitoring/prometheus.yml:5:1: error:")
                .contains("[prometheus-rules-without-alertmanager]")
                .contains("[smtp-password-inline]")
                .contains("[alertmanager-route-to-silent-receiver]")
                .doesNotContain("correct-horse");
    }

    @Test
    void fixedExamplePasses() {
        int exit = run("audit", FIXED.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).endsWith("0 errors, 0 warnings, 0 notes in 10 files\n");
    }

    @Test
    void failOnNeverAlwaysExitsZero() {
        assertThat(run("audit", "--fail-on", "never", POSTMORTEM.toString())).isZero();
    }

    @Test
    void writesTheRequestedFormatToTheOutputFile() throws Exception {
        Path report = dir.resolve("reports/outage.sarif");

        int exit = run("audit", "--format", "sarif", "--output", report.toString(), POSTMORTEM.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Files.readString(report)).contains("\"version\" : \"2.1.0\"");
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("report written to");
    }

    @Test
    void platformOverrideChangesTheVerdict() throws Exception {
        Files.writeString(dir.resolve("shared.nix"), "{ system.activationScripts.foo.text = \"x\"; }\n");

        assertThat(run("audit", "--platform", "nixos", dir.toString())).isZero();
        assertThat(run("audit", "--platform", "darwin", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("shared.nix:1:28: error:");
    }

    @Test
    void unknownPlatformWarnsAndFailsOnlyOnWarning() throws Exception {
        Files.writeString(dir.resolve("shared.nix"), "{ system.activationScripts.foo.text = \"x\"; }\n");

        assertThat(run("audit", dir.toString())).isZero();
        assertThat(out.toString()).contains("warning: if this module is used by nix-darwin,");
        assertThat(run("audit", "--fail-on", "warning", dir.toString())).isEqualTo(1);
    }

    @Test
    void activateScriptSummaryCountsSnippets() throws Exception {
        Path activate = dir.resolve("activate");
        Files.writeString(
                activate,
                "#!/bin/sh\n  mkdir -p /Users/bryan/monitoring/data\n  chown -R bryan:staff /Users/bryan/monitoring\n");

        run("audit", "--activate-script", activate.toString(), POSTMORTEM.toString());

        assertThat(out.toString())
                .contains("[activation-snippet-not-embedded]")
                .contains("activation snippets: declared 5, embedded 1");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(run("audit", "--format", "xml", ".")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown report format 'xml'");
        assertThat(run("audit", "--fail-on", "sometimes", ".")).isEqualTo(2);
        assertThat(run("audit", "--platform", "windows", ".")).isEqualTo(2);
    }

    @Test
    void missingPathIsAUsageError() {
        assertThat(run("audit", dir.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or directory");
    }

    @Test
    void invalidOutageYmlIsAUsageErrorWithItsPosition() throws Exception {
        Files.writeString(dir.resolve("outage.yml"), "platform: darwin\nsupressions: []\n");

        assertThat(run("audit", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("outage.yml:2:1: unknown key 'supressions'");
    }
}
