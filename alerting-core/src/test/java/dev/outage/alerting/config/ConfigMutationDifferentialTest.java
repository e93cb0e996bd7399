package dev.outage.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates a rich valid configuration at random (a misspelt key, a replaced value, a duplicated
 * or deleted line) and requires outage to accept exactly what {@code amtool check-config}
 * accepts and, when both reject, to report amtool's reason among its errors (at amtool's line
 * for YAML type errors).
 *
 * <p>{@code -Doutage.mutation.count=N} (default 150) and {@code -Doutage.mutation.seed=S}.
 */
class ConfigMutationDifferentialTest {

    private static final int COUNT = Integer.getInteger("outage.mutation.count", 150);
    private static final long SEED = Long.getLong("outage.mutation.seed", 4242L);
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*(?:- )?)([a-z_]+):(.*)$");
    private static final Pattern TYPE_ERROR = Pattern.compile("^\\s*line (\\d+): (.*)$");
    private static final List<String> VALUES = List.of(
            "5x", "0s", "''", "[a]", "{a: b}", "yes", "-1", "'a b'", "~", "'http://'", "'[a-z'", "x:", "'24:00'");

    @TempDir
    Path dir;

    @Test
    void acceptsAndRejectsLikeAmtool() throws Exception {
        List<String> base = baseLines();
        Random random = new Random(SEED);
        List<String> differences = new ArrayList<>();
        int rejectedByBoth = 0;
        for (int i = 0; i < COUNT; i++) {
            List<String> lines = mutate(new ArrayList<>(base), random);
            Path file = dir.resolve("m" + i + ".yml");
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            ConfigLoadResult ours = AlertmanagerConfigLoader.load(file);
            String theirs = amtool(file);
            boolean theyAccept = theirs.contains("SUCCESS");
            if (ours.isLoaded() != theyAccept) {
                differences.add(describe(i, base, lines, ours, theirs));
            } else if (!theyAccept && !sameReason(ours, theirs)) {
                differences.add(describe(i, base, lines, ours, theirs));
            } else if (!theyAccept) {
                rejectedByBoth++;
            }
        }
        assertThat(rejectedByBoth).isGreaterThan(COUNT / 4);
        assertThat(differences).isEmpty();
    }

    private static boolean sameReason(ConfigLoadResult ours, String theirs) {
        List<ConfigError> errors = ((ConfigLoadResult.Rejected) ours).errors();
        String reason = theirs.substring(theirs.indexOf("FAILED: ") + 8).strip();
        if (reason.startsWith("yaml: unmarshal errors:")) {
            Matcher first =
                    TYPE_ERROR.matcher(reason.lines().skip(1).findFirst().orElse(""));
            if (!first.matches()) {
                return false;
            }
            int line = Integer.parseInt(first.group(1));
            return errors.stream()
                    .anyMatch(e ->
                            e.message().equals(first.group(2)) && e.position().line() == line);
        }
        if (reason.startsWith("yaml: line ")) {
            return errors.get(0).message().startsWith("yaml: line ");
        }
        // outage masks secret URLs in parse errors where Alertmanager 0.25 quotes them.
        String firstLine = maskUrl(reason.lines().findFirst().orElse(""));
        return errors.stream().anyMatch(e -> maskUrl(e.message()).equals(firstLine));
    }

    private static String maskUrl(String message) {
        return message.replaceFirst("^parse \"[^\"]*\":", "parse \"<url>\":");
    }

    private static List<String> mutate(List<String> lines, Random random) {
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        Matcher key = KEY_LINE.matcher(line);
        switch (random.nextInt(4)) {
            case 0 -> {
                if (key.matches()) {
                    String indent = key.group(1).replace("- ", "  ");
                    lines.add(at + 1, indent + key.group(2) + "s: 1");
                }
            }
            case 1 -> {
                if (key.matches() && !key.group(3).isBlank()) {
                    lines.set(at, key.group(1) + key.group(2) + ": " + VALUES.get(random.nextInt(VALUES.size())));
                }
            }
            case 2 -> {
                if (key.matches() && !key.group(1).contains("-")) {
                    lines.add(at, line);
                }
            }
            default -> lines.remove(at);
        }
        return lines;
    }

    private static String describe(int i, List<String> base, List<String> lines, ConfigLoadResult ours, String theirs) {
        int at = 0;
        while (at < base.size() && at < lines.size() && base.get(at).equals(lines.get(at))) {
            at++;
        }
        String changed = at < lines.size() ? lines.get(at) : "(end)";
        String verdict =
                ours instanceof ConfigLoadResult.Rejected r ? r.errors().toString() : "accepted";
        return "mutation " + i + " at line " + (at + 1) + " [" + changed + "]: outage " + verdict + "; amtool "
                + theirs.strip();
    }

    private static List<String> baseLines() throws IOException {
        try (InputStream in = ConfigMutationDifferentialTest.class.getResourceAsStream("mutation-base.yml")) {
            return new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    private static String amtool(Path file) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("amtool", "check-config", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
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
