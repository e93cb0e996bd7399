package dev.outage.audit;

import dev.outage.audit.report.Report;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link WorkspaceAudit} produced.
 *
 * @param report the findings, after suppressions, the file count and the notes
 * @param config the workspace configuration that was used
 */
public record AuditResult(Report report, WorkspaceConfig config) {

    /** Validates the result. */
    public AuditResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(config, "config");
    }

    /** Returns the report's notes, e.g. {@code activation snippets: declared 5, embedded 3 (in result/activate)}. */
    public List<String> notes() {
        return report.notes();
    }
}
