package dev.outage.audit.report;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything an audit produced, ready for a {@link ReportWriter}: the findings in report order,
 * the number of files scanned and the version of the tool that ran.
 *
 * @param toolVersion version of outage, such as {@code 0.1.0}
 * @param findings findings, sorted by file, line, column and rule id on construction
 * @param filesScanned number of files the audit read
 * @param notes summary lines beyond the counts, such as
 *     {@code activation snippets: declared 5, embedded 3 (in result/activate)}
 */
public record Report(String toolVersion, List<Finding> findings, int filesScanned, List<String> notes) {

    /**
     * Validates and sorts.
     *
     * @throws IllegalArgumentException if {@code filesScanned} is negative
     */
    public Report {
        Objects.requireNonNull(toolVersion, "toolVersion");
        List<Finding> sorted = new ArrayList<>(findings);
        Collections.sort(sorted);
        findings = List.copyOf(sorted);
        if (filesScanned < 0) {
            throw new IllegalArgumentException("filesScanned must be >= 0, got " + filesScanned);
        }
        notes = List.copyOf(notes);
    }

    /** Returns a report without notes. */
    public Report(String toolVersion, List<Finding> findings, int filesScanned) {
        this(toolVersion, findings, filesScanned, List.of());
    }

    /** Returns how many findings have exactly {@code severity}. */
    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Returns the findings at or above {@code threshold}. */
    public List<Finding> atLeast(Severity threshold) {
        return findings.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }

    /** Returns a one-line summary such as {@code 3 errors, 1 warning, 0 notes in 12 files}. */
    public String summaryLine() {
        return plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
                + plural(count(Severity.NOTE), "note") + " in " + plural(filesScanned, "file");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
