package dev.outage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.nix.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audits every prefix (in steps of {@code outage.robustness.step}, default 7) of the example
 * Prometheus and Alertmanager configurations: broken YAML is a finding with a position, never
 * an exception.
 */
class YamlRobustnessTest {

    private static final int STEP = Integer.getInteger("outage.robustness.step", 7);

    @TempDir
    Path dir;

    @Test
    void truncatedConfigsAreFindingsNeverCrashes() throws Exception {
        int audits = 0;
        for (String name : List.of("prometheus.yml", "alertmanager.yml")) {
            for (String example : List.of("postmortem", "postmortem-fixed")) {
                String text = Files.readString(Path.of("..", "examples", example, "monitoring", name));
                for (int end = 0; end <= text.length(); end += STEP) {
                    Path file = dir.resolve(name);
                    Files.writeString(file, text.substring(0, end));
                    for (Finding finding : new WorkspaceAudit()
                            .audit(AuditOptions.of(dir))
                            .report()
                            .findings()) {
                        assertThat(finding.location().line())
                                .as("%s/%s[0..%d]", example, name, end)
                                .isPositive();
                        assertThat(finding.message()).doesNotContain("correct-horse");
                    }
                    audits++;
                }
            }
        }
        assertThat(audits).isGreaterThan(100);
    }
}
