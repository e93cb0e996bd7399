package dev.outage.audit;

import dev.outage.audit.report.Report;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link WorkspaceAudit} produced.
 *
 * @param report the findings, after suppressions, and the file count
 * @param notes summary lines beyond the counts, e.g. {@code activation snippets: declared 5, embedded 3}
 * @param config the workspace configuration that was used
 */
public record AuditResult(Report report, List<String> notes, WorkspaceConfig config) {

    /** Copies the notes. */
    public AuditResult {
        Objects.requireNonNull(report, "report");
        notes = List.copyOf(notes);
        Objects.requireNonNull(config, "config");
    }
}
