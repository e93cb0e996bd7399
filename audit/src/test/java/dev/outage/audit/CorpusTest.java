package dev.outage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.nix.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Audits a corpus of realistic configurations whose files mark every expected finding with a
 * {@code # expect: rule-id} comment on the reported line ({@code # expect-missed: rule-id} for a
 * known miss), and reports precision and recall. Every disagreement fails the test, so the
 * numbers in docs/audit.md stay true.
 */
class CorpusTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static final Pattern MARK = Pattern.compile("# (expect|expect-missed): ([a-z0-9-]+)");

    @Test
    void corpusMatchesItsMarksExactly() throws Exception {
        Set<String> expected = new TreeSet<>();
        Set<String> knownMissed = new TreeSet<>();
        Set<String> actual = new TreeSet<>();
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : cases) {
            marks(dir, expected, knownMissed);
            for (Finding finding :
                    new WorkspaceAudit().audit(AuditOptions.of(dir)).report().findings()) {
                actual.add(dir.getFileName() + "/" + finding.location().file() + ":"
                        + finding.location().line() + " " + finding.ruleId());
            }
        }
        Set<String> truePositives = intersection(actual, expected);
        Set<String> falsePositives = minus(actual, expected);
        Set<String> falseNegatives = minus(expected, actual);
        double precision = truePositives.size() / (double) (truePositives.size() + falsePositives.size());
        double recall =
                truePositives.size() / (double) (truePositives.size() + falseNegatives.size() + knownMissed.size());
        String report = String.format(
                "corpus: %d cases, %d expected findings (+%d known misses), %d reported;"
                        + " precision %.3f, recall %.3f%n",
                cases.size(), expected.size(), knownMissed.size(), actual.size(), precision, recall);
        System.out.print(report);

        assertThat(falsePositives).as("findings the corpus does not expect").isEmpty();
        assertThat(falseNegatives)
                .as("expected findings that were not reported")
                .isEmpty();
        assertThat(intersection(actual, knownMissed))
                .as("known misses that are now found: mark them expect")
                .isEmpty();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void everyCorpusNixFileIsAcceptedByNixItself() throws Exception {
        List<Path> nixFiles;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            nixFiles = walk.filter(p -> p.toString().endsWith(".nix")).sorted().toList();
        }
        for (Path file : nixFiles) {
            Process process;
            try {
                process = new ProcessBuilder("nix-instantiate", "--store", "dummy://", "--parse", file.toString())
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                throw new AssertionError(
                        "nix-instantiate not found: install it with scripts/install-test-tools.sh"
                                + " (Debian package nix-bin)",
                        e);
            }
            String output =
                    new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("%s: %s", file, output).isZero();
        }
        assertThat(nixFiles).hasSizeGreaterThan(15);
    }

    private static void marks(Path dir, Set<String> expected, Set<String> knownMissed) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher mark = MARK.matcher(lines.get(i));
                while (mark.find()) {
                    String key = dir.getFileName() + "/"
                            + dir.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + " " + mark.group(2);
                    (mark.group(1).equals("expect") ? expected : knownMissed).add(key);
                }
            }
        }
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
