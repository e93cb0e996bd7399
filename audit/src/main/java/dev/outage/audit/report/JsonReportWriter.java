package dev.outage.audit.report;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Severity;
import java.io.IOException;
import java.io.Writer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the report as one JSON object: {@code tool}, {@code findings} (ruleId, severity, file,
 * line, column, message, hint) and {@code summary} (error, warning, note, filesScanned, and
 * {@code notes} when there are any).
 */
public final class JsonReportWriter implements ReportWriter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeName("tool");
            json.writeStartObject();
            json.writeStringProperty("name", "outage");
            json.writeStringProperty("version", report.toolVersion());
            json.writeEndObject();
            json.writeArrayPropertyStart("findings");
            for (Finding finding : report.findings()) {
                writeFinding(json, finding);
            }
            json.writeEndArray();
            json.writeName("summary");
            json.writeStartObject();
            for (Severity severity : Severity.values()) {
                json.writeNumberProperty(severity.id(), report.count(severity));
            }
            json.writeNumberProperty("filesScanned", report.filesScanned());
            if (!report.notes().isEmpty()) {
                json.writeArrayPropertyStart("notes");
                for (String note : report.notes()) {
                    json.writeString(note);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (JacksonException e) {
            throw new IOException("cannot write the JSON report: " + e.getOriginalMessage(), e);
        }
        out.write('\n');
        out.flush();
    }

    private static void writeFinding(JsonGenerator json, Finding finding) {
        json.writeStartObject();
        json.writeStringProperty("ruleId", finding.ruleId());
        json.writeStringProperty("severity", finding.severity().id());
        json.writeStringProperty("file", finding.location().file());
        json.writeNumberProperty("line", finding.location().line());
        json.writeNumberProperty("column", finding.location().column());
        json.writeStringProperty("message", finding.message());
        json.writeStringProperty("hint", finding.hint());
        json.writeEndObject();
    }
}
