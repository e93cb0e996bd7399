package dev.outage.audit.report;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Rule;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.finding.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the report as SARIF 2.1.0: one run whose driver lists every rule of the catalogue, and
 * one result a finding with its physical location relative to {@code %SRCROOT%}. GitHub code
 * scanning accepts the file as it is.
 */
public final class SarifReportWriter implements ReportWriter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "%SRCROOT%";

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = ruleIndex(report);
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeStringProperty("$schema", SCHEMA);
            json.writeStringProperty("version", "2.1.0");
            json.writeArrayPropertyStart("runs");
            json.writeStartObject();
            writeTool(json, report, ruleIndex);
            json.writeObjectPropertyStart("originalUriBaseIds");
            json.writeObjectPropertyStart(SRCROOT);
            json.writeObjectPropertyStart("description");
            json.writeStringProperty("text", "The root of the audited tree.");
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayPropertyStart("results");
            for (Finding finding : report.findings()) {
                writeResult(json, finding, ruleIndex.get(finding.ruleId()));
            }
            json.writeEndArray();
            if (!report.notes().isEmpty()) {
                json.writeObjectPropertyStart("properties");
                json.writeArrayPropertyStart("notes");
                for (String note : report.notes()) {
                    json.writeString(note);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (JacksonException e) {
            throw new IOException("cannot write the SARIF report: " + e.getOriginalMessage(), e);
        }
        out.write('\n');
        out.flush();
    }

    private static Map<String, Integer> ruleIndex(Report report) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        Rules.all().forEach(rule -> rules.put(rule.id(), rule));
        report.findings().forEach(f -> rules.putIfAbsent(f.ruleId(), f.rule()));
        Map<String, Integer> index = new LinkedHashMap<>();
        rules.keySet().forEach(id -> index.put(id, index.size()));
        return index;
    }

    private static void writeTool(JsonGenerator json, Report report, Map<String, Integer> ruleIndex) {
        json.writeObjectPropertyStart("tool");
        json.writeObjectPropertyStart("driver");
        json.writeStringProperty("name", "outage");
        json.writeStringProperty("version", report.toolVersion());
        json.writeArrayPropertyStart("rules");
        for (String id : ruleIndex.keySet()) {
            Rule rule = Rules.byId(id)
                    .orElseGet(() -> report.findings().stream()
                            .filter(f -> f.ruleId().equals(id))
                            .findFirst()
                            .orElseThrow()
                            .rule());
            json.writeStartObject();
            json.writeStringProperty("id", rule.id());
            json.writeObjectPropertyStart("shortDescription");
            json.writeStringProperty("text", rule.summary());
            json.writeEndObject();
            json.writeObjectPropertyStart("defaultConfiguration");
            json.writeStringProperty("level", level(rule.severity()));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding finding, int ruleIndex) {
        json.writeStartObject();
        json.writeStringProperty("ruleId", finding.ruleId());
        json.writeNumberProperty("ruleIndex", ruleIndex);
        json.writeStringProperty("level", level(finding.severity()));
        json.writeObjectPropertyStart("message");
        String text = finding.hint().isBlank() ? finding.message() : finding.message() + "\n" + finding.hint();
        json.writeStringProperty("text", text);
        json.writeEndObject();
        json.writeArrayPropertyStart("locations");
        json.writeStartObject();
        json.writeObjectPropertyStart("physicalLocation");
        json.writeObjectPropertyStart("artifactLocation");
        json.writeStringProperty("uri", uri(finding.location().file()));
        json.writeStringProperty("uriBaseId", SRCROOT);
        json.writeEndObject();
        json.writeObjectPropertyStart("region");
        json.writeNumberProperty("startLine", finding.location().line());
        json.writeNumberProperty("startColumn", finding.location().column());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Percent-encodes what a relative URI reference cannot hold as is. */
    private static String uri(String path) {
        StringBuilder uri = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                uri.append((char) c);
            } else {
                uri.append('%').append(String.format("%02X", c));
            }
        }
        return uri.toString();
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}
