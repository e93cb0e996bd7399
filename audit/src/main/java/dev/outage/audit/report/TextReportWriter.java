package dev.outage.audit.report;

import dev.outage.nix.finding.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one {@code file:line:column: severity: message [ruleId]} line a finding, its hint
 * indented below it, a summary line and the report's notes; the form compilers use, so editors can jump to it.
 */
public final class TextReportWriter implements ReportWriter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding finding : report.findings()) {
            out.write(finding.toString());
            out.write('\n');
            for (String line : finding.hint().strip().split("\n", -1)) {
                if (!line.isBlank()) {
                    out.write("    ");
                    out.write(line.stripTrailing());
                    out.write('\n');
                }
            }
        }
        out.write(report.summaryLine());
        out.write('\n');
        for (String note : report.notes()) {
            out.write(note);
            out.write('\n');
        }
        out.flush();
    }
}
