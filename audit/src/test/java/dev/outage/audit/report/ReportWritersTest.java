package dev.outage.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Report report = new Report(
            "9.9.9",
            List.of(
                    Rules.PIP_USER_INSTALL.at(
                            new Location("modules/open webui.nix", 12, 7), "pip install --user in x", "Use a venv."),
                    Rules.DARWIN_ACTIVATION_SCRIPT_NEVER_RUNS.at(
                            new Location("modules/ollama.nix", 3, 5),
                            "system.activationScripts.ollama-restart never runs",
                            "Fold it into postActivation:\n  system.activationScripts.postActivation.text = lib.mkAfter ''...'';"),
                    Rules.DARWIN_ACTIVATION_SCRIPT_NEVER_RUNS
                            .at(new Location("common.nix", 1, 1), "<b>&'\" never runs", "")
                            .withSeverity(Severity.WARNING)),
            42,
            List.of("activation snippets: declared 3, embedded 1 (in result/activate)"));

    private static String write(ReportFormat format, Report report) throws IOException {
        StringWriter out = new StringWriter();
        format.writer().write(report, out);
        return out.toString();
    }

    @Test
    void textHasOneCompilerStyleLineAFindingWithIndentedHints() throws IOException {
        String text = write(ReportFormat.TEXT, report);

        assertThat(text.lines().toList())
                .containsExactly(
                        "common.nix:1:1: warning: <b>&'\" never runs [darwin-activation-script-never-runs]",
                        "modules/ollama.nix:3:5: error: system.activationScripts.ollama-restart never runs"
                                + " [darwin-activation-script-never-runs]",
                        "    Fold it into postActivation:",
                        "      system.activationScripts.postActivation.text = lib.mkAfter ''...'';",
                        "modules/open webui.nix:12:7: warning: pip install --user in x [pip-user-install]",
                        "    Use a venv.",
                        "1 error, 2 warnings, 0 notes in 42 files",
                        "activation snippets: declared 3, embedded 1 (in result/activate)");
    }

    @Test
    void jsonFollowsTheReportContract() throws IOException {
        JsonNode json = MAPPER.readTree(write(ReportFormat.JSON, report));

        assertThat(json.at("/tool/name").asText()).isEqualTo("outage");
        assertThat(json.at("/tool/version").asText()).isEqualTo("9.9.9");
        assertThat(json.at("/findings")).hasSize(3);
        JsonNode second = json.at("/findings/1");
        assertThat(second.get("ruleId").asText()).isEqualTo("darwin-activation-script-never-runs");
        assertThat(second.get("severity").asText()).isEqualTo("error");
        assertThat(second.get("file").asText()).isEqualTo("modules/ollama.nix");
        assertThat(second.get("line").asInt()).isEqualTo(3);
        assertThat(second.get("column").asInt()).isEqualTo(5);
        assertThat(second.get("hint").asText()).startsWith("Fold it into postActivation:\n");
        assertThat(json.at("/summary/error").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/warning").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/note").asInt()).isZero();
        assertThat(json.at("/summary/filesScanned").asInt()).isEqualTo(42);
        assertThat(json.at("/summary/notes/0").asText()).startsWith("activation snippets: declared 3");
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchema() throws IOException {
        JsonNode sarif = MAPPER.readTree(write(ReportFormat.SARIF, report));

        assertThat(validate(sarif)).isEmpty();
        assertThat(sarif.at("/version").asText()).isEqualTo("2.1.0");
        JsonNode result = sarif.at("/runs/0/results/2");
        assertThat(result.at("/ruleId").asText()).isEqualTo("pip-user-install");
        assertThat(result.at("/level").asText()).isEqualTo("warning");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("modules/open%20webui.nix");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(12);
        assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt())
                .isEqualTo(7);
        assertThat(sarif.at("/runs/0/properties/notes/0").asText()).startsWith("activation snippets");
        int ruleIndex = result.at("/ruleIndex").asInt();
        assertThat(sarif.at("/runs/0/tool/driver/rules/" + ruleIndex + "/id").asText())
                .isEqualTo("pip-user-install");
    }

    @Test
    void emptySarifReportIsValidToo() throws IOException {
        JsonNode sarif = MAPPER.readTree(write(ReportFormat.SARIF, new Report("1", List.of(), 0)));

        assertThat(validate(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/results")).isEmpty();
        assertThat(sarif.at("/runs/0/properties").isMissingNode()).isTrue();
    }

    @Test
    void htmlEscapesEveryValue() throws IOException {
        String html = write(ReportFormat.HTML, report);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("&lt;b&gt;&amp;&#39;&quot; never runs");
        assertThat(html).doesNotContain("<b>&").contains("modules/ollama.nix:3:5");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void formatsParseByNameAndNameTheirFiles() {
        assertThat(ReportFormat.parse("SARIF")).isEqualTo(ReportFormat.SARIF);
        assertThat(ReportFormat.SARIF.fileName()).isEqualTo("outage.sarif");
        assertThat(ReportFormat.TEXT.fileName()).isEqualTo("outage.txt");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportFormat.parse("xml"))
                .withMessageContaining("'xml'");
    }

    private static Set<ValidationMessage> validate(JsonNode sarif) throws IOException {
        try (InputStream schemaText = ReportWritersTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            JsonSchema schema =
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaText);
            return schema.validate(sarif);
        }
    }
}
