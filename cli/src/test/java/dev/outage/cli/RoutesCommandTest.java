package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code outage routes test} prints what {@code amtool config routes test} prints. */
class RoutesCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        return Outage.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path config() throws IOException {
        Path file = dir.resolve("alertmanager.yml");
        try (var in = getClass().getResourceAsStream("routes-test.yml")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "team=\"a b\" severity=crit env=prod",
                "team=\"a b\" env=dev quote=\"say \\\"hi\\\"\"",
                "team=\"a b\" env=\"\" quote=\"say \\\"hi\\\"\"",
                "service=db",
                "team=a",
                ""
            })
    void printsTheSameReceiversAndTreeAsAmtool(String labels) throws Exception {
        Path file = config();
        List<String> labelArgs = labels.isEmpty() ? List.of() : splitArgs(labels);
        for (boolean tree : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>(List.of("routes", "test", "--config.file", file.toString()));
            List<String> amtoolArgs =
                    new ArrayList<>(List.of("config", "routes", "test", "--config.file", file.toString()));
            if (tree) {
                args.add("--tree");
                amtoolArgs.add("--tree");
            }
            args.addAll(labelArgs);
            amtoolArgs.addAll(labelArgs);
            out.getBuffer().setLength(0);

            assertThat(run(args)).isZero();
            assertThat(out.toString()).isEqualTo(amtool(amtoolArgs));
        }
    }

    @Test
    void exitsOneWhenVerifiedReceiversDiffer() throws Exception {
        Path file = config();
        assertThat(run(List.of(
                        "routes",
                        "test",
                        "--config.file",
                        file.toString(),
                        "--verify.receivers",
                        "x,z",
                        "team=a b",
                        "severity=crit",
                        "env=prod")))
                .isZero();
        out.getBuffer().setLength(0);
        assertThat(run(List.of(
                        "routes",
                        "test",
                        "--config.file",
                        file.toString(),
                        "--verify.receivers",
                        "x",
                        "team=a b",
                        "severity=crit",
                        "env=prod")))
                .isEqualTo(1);
        assertThat(out.toString()).isEqualTo("x,z\nWARNING: Expected receivers did not match resolved receivers.\n");
    }

    @Test
    void badLabelsAndMissingFilesAreBadUsage() throws Exception {
        Path file = config();
        assertThat(run(List.of("routes", "test", "--config.file", file.toString(), "team=~a")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Labels must be specified as key=value pairs");
        assertThat(run(List.of(
                        "routes",
                        "test",
                        "--config.file",
                        dir.resolve("none.yml").toString(),
                        "a=b")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("none.yml").doesNotContain("Exception:");
    }

    @Test
    void anInvalidConfigFailsWithItsPosition() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "route:\n  receiver: nobody\nreceivers: [{name: r}]\n");
        assertThat(run(List.of("routes", "test", "--config.file", file.toString(), "a=b")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("bad.yml:2:3: undefined receiver \"nobody\" used in route");
    }

    /** Splits on spaces outside double quotes, keeping the quotes (as a shell would pass them). */
    private static List<String> splitArgs(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ' ' && !quoted) {
                args.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        args.add(current.toString());
        return args;
    }

    static String amtool(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("amtool");
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "amtool not found: install the Debian package prometheus-alertmanager"
                            + " (scripts/install-test-tools.sh does it)",
                    e);
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return text;
    }
}
