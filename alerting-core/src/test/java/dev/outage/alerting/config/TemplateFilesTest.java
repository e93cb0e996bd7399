package dev.outage.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Template files are judged as {@code amtool check-config} judges them (for the structural problems checked). */
class TemplateFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ define \"x\" }}{{ .Foo }}",
                "{{ if .A }}x{{ end }}{{ end }}",
                "{{ define \"x\" }}{{ if .A }}x{{ end }}",
                "a {{ .Foo ",
                "{{ define \"x\" }}{{ \"}}\" }}{{ end }}",
                "{{/* c }} */}}ok",
                "{{ else }}",
                "{{ define \"a\" }}{{ else }}{{ end }}",
                "{{ if .A }}{{ else if .B }}{{ else }}{{ end }}",
                "{{- range .Alerts -}}\n{{ .Labels.x }}\n{{- end -}}",
                "{{ define \"email.subject\" }}[{{ .Status | toUpper }}] {{ .GroupLabels.alertname }}{{ end }}"
            })
    void judgesTemplatesAsAmtoolDoes(String template) throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/a.tmpl"), template + "\n", StandardCharsets.UTF_8);
        Path file = dir.resolve("alertmanager.yml");
        Files.writeString(file, "route: {receiver: r}\nreceivers: [{name: r}]\ntemplates: ['templates/*.tmpl']\n");

        AlertmanagerConfig config = AlertmanagerConfigLoader.load(file).orElseThrow();
        String amtool = amtool(file);

        var problem = TemplateFiles.check(config);
        if (amtool.contains("  FAILED: ")) {
            String reason = amtool.substring(amtool.indexOf("  FAILED: ") + 10)
                    .lines()
                    .findFirst()
                    .orElseThrow();
            assertThat(problem).hasValue(reason);
        } else {
            assertThat(amtool).contains("  SUCCESS");
            assertThat(problem).isEmpty();
        }
        assertThat(TemplateFiles.resolve(config)).containsExactly(dir.resolve("templates/a.tmpl"));
    }

    private static String amtool(Path file) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("amtool", "check-config", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (java.io.IOException e) {
            throw new AssertionError(
                    "amtool not found: install the Debian package prometheus-alertmanager"
                            + " (scripts/install-test-tools.sh does it)",
                    e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
