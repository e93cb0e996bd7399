package dev.outage.alerting.notify.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and hostile template texts end in a result or a TemplateException, nothing else. */
class TemplateRobustnessTest {

    private static final String[] FRAGMENTS = {
        "{{",
        "}}",
        "{{- ",
        " -}}",
        " ",
        ".",
        ".Alerts",
        ".Status",
        ".CommonLabels",
        ".Labels",
        ".Firing",
        ".SortedPairs",
        ".Values",
        ".Remove",
        "if",
        "else",
        "end",
        "range",
        "with",
        "template",
        "define",
        "\"x\"",
        "\"__subject\"",
        "(",
        ")",
        "|",
        "len",
        "toUpper",
        "join",
        "index",
        "eq",
        "gt",
        "printf",
        "\"%v\"",
        "$",
        "$x",
        "$i",
        ":=",
        ",",
        "1",
        "-3",
        "true",
        "\n",
        "text",
        "/*",
        "*/",
        "`raw`",
        "\\",
        "\"unterminated",
        "safeHtml",
        "block",
        "nil",
        "=",
        "'c'",
        "2.5"
    };

    private static final TemplateData DATA = TemplateData.of(
            "r",
            LabelSet.of("alertname", "A"),
            List.of(TemplateAlert.of(
                    Alert.builder(LabelSet.of("alertname", "A", "x", "y"))
                            .annotation("summary", "s")
                            .startsAt(Instant.parse("2026-01-01T00:00:00Z"))
                            .build(),
                    Instant.parse("2026-01-01T00:01:00Z"))),
            "");

    @Test
    void randomTextsEitherRenderOrFailWithAPosition() {
        Random random = new Random(Long.getLong("outage.templateFuzzSeed", 20260101L));
        int rendered = 0;
        int rejected = 0;
        for (int i = 0; i < Integer.getInteger("outage.templateFuzzCount", 5000); i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            try {
                Template template = TemplateSet.defaults().compile("fuzz", text.toString());
                template.render(DATA);
                template.renderHtml(DATA);
                rendered++;
            } catch (TemplateException e) {
                assertThat(e.getMessage()).as(text.toString()).matches("(?s)fuzz:\\d+:\\d+: .+");
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                rejected++;
            }
        }
        assertThat(rendered).isPositive();
        assertThat(rejected).isPositive();
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
        String parentheses = "{{ " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + " }}";
        String ifs = "{{ if 1 }}".repeat(20_000) + "{{ end }}".repeat(20_000);

        assertThatThrownBy(() -> TemplateSet.defaults().compile("deep", parentheses))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("nested more than 100 levels deep");
        assertThatThrownBy(() -> TemplateSet.defaults().compile("deep", ifs))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("nested more than 100 levels deep");
    }
}
