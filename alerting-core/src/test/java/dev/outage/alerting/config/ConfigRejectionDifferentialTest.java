package dev.outage.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration in {@code invalid-configs.txt} is rejected by outage and by the real
 * {@code amtool check-config} for the same reason, and outage names the expected position.
 */
class ConfigRejectionDifferentialTest {

    record Case(String position, String message, String yaml) {}

    @TempDir
    Path dir;

    static List<Named<Case>> cases() throws IOException {
        String text;
        try (InputStream in = ConfigRejectionDifferentialTest.class.getResourceAsStream("invalid-configs.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Named<Case>> cases = new ArrayList<>();
        String[] parts = text.split("(?m)^=== ");
        for (int i = 1; i < parts.length; i++) {
            int newline = parts[i].indexOf('\n');
            String header = parts[i].substring(0, newline);
            int space = header.indexOf(' ');
            Case c = new Case(header.substring(0, space), header.substring(space + 1), parts[i].substring(newline + 1));
            cases.add(Named.of(c.message(), c));
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rejectsForAlertmanagersReasonAtThePosition(Case c) throws Exception {
        Path file = dir.resolve("alertmanager.yml");
        Files.writeString(file, c.yaml(), StandardCharsets.UTF_8);

        ConfigLoadResult result = AlertmanagerConfigLoader.load(file);
        String amtool = amtoolCheckConfig(file);

        assertThat(result).isInstanceOf(ConfigLoadResult.Rejected.class);
        ConfigError first = ((ConfigLoadResult.Rejected) result).errors().get(0);
        assertThat(first.message()).isEqualTo(c.message());
        assertThat(first.position().toString()).isEqualTo(c.position());
        assertThat(first.file()).isEqualTo(file.toString());
        assertThat(amtool).contains("FAILED").contains(c.message());
    }

    private static String amtoolCheckConfig(Path file) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("amtool", "check-config", file.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "amtool not found: install the Debian package prometheus-alertmanager"
                            + " (scripts/install-test-tools.sh does it)",
                    e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isEqualTo(1);
        return out;
    }
}
