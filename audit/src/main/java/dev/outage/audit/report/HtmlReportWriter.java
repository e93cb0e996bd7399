package dev.outage.audit.report;

import dev.outage.nix.finding.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one self-contained HTML page (no scripts, no external resources): a summary and a table
 * of findings with their hints. Every value is HTML-escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4em;"
            + "text-align:left;vertical-align:top}code{font-size:.9em}.error{color:#b00020;font-weight:bold}"
            + ".warning{color:#8a5a00;font-weight:bold}.note{color:#555}pre{white-space:pre-wrap;margin:0}";

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<title>outage audit</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n");
        out.write("<h1>outage audit</h1>\n<p>" + escape(report.summaryLine()) + " &middot; outage "
                + escape(report.toolVersion()) + "</p>\n");
        for (String note : report.notes()) {
            out.write("<p>" + escape(note) + "</p>\n");
        }
        if (report.findings().isEmpty()) {
            out.write("<p>No findings.</p>\n");
        } else {
            out.write("<table>\n<thead><tr><th>Location</th><th>Severity</th><th>Finding</th><th>Rule</th>"
                    + "</tr></thead>\n<tbody>\n");
            for (Finding finding : report.findings()) {
                writeRow(out, finding);
            }
            out.write("</tbody>\n</table>\n");
        }
        out.write("</body>\n</html>\n");
        out.flush();
    }

    private static void writeRow(Writer out, Finding finding) throws IOException {
        String severity = finding.severity().id();
        out.write("<tr><td><code>" + escape(finding.location().toString()) + "</code></td>");
        out.write("<td class=\"" + severity + "\">" + severity + "</td>");
        out.write("<td>" + escape(finding.message()));
        if (!finding.hint().isBlank()) {
            out.write("<pre>" + escape(finding.hint().strip()) + "</pre>");
        }
        out.write("</td><td><code>" + escape(finding.ruleId()) + "</code></td></tr>\n");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
