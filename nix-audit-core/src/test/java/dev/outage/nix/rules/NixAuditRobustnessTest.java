package dev.outage.nix.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.nix.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds every prefix (in steps) of the example configurations to the audit: whatever the input,
 * the audit returns findings with valid positions and never throws. The step is the system
 * property {@code outage.robustness.step} (default 5; 1 tries every prefix).
 */
class NixAuditRobustnessTest {

    private static final int STEP = Integer.getInteger("outage.robustness.step", 5);

    @Test
    void truncatedFilesAreFindingsNeverCrashes() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("..", "examples"))) {
            walk.filter(p -> p.toString().endsWith(".nix")).sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(10);
        int audits = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            for (int end = 0; end <= text.length(); end += STEP) {
                String prefix = text.substring(0, end);
                List<Finding> findings = NixAuditFixture.darwinModule(prefix).findings();
                for (Finding finding : findings) {
                    long lines = prefix.lines().count() + 1;
                    assertThat((long) finding.location().line())
                            .as("%s[0..%d]", file, end)
                            .isBetween(1L, lines);
                }
                audits++;
            }
        }
        assertThat(audits).isGreaterThan(500);
    }
}
