package dev.outage.alerting.notify.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateSetTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private static TemplateAlert firing(String... labels) {
        return TemplateAlert.of(
                Alert.builder(LabelSet.of(labels))
                        .annotation("summary", "disk <full>")
                        .startsAt(NOW.minusSeconds(60))
                        .generatorUrl("http://prom/graph?g0.expr=up&x=1")
                        .build(),
                NOW);
    }

    private static TemplateAlert resolved(String... labels) {
        return TemplateAlert.of(
                Alert.builder(LabelSet.of(labels))
                        .startsAt(NOW.minusSeconds(60))
                        .endsAt(NOW.minusSeconds(1))
                        .build(),
                NOW);
    }

    private static String render(String text, TemplateData data) throws TemplateException {
        return TemplateSet.defaults().compile("test", text).render(data);
    }

    private static String subject(TemplateData data) throws TemplateException {
        return render("{{ template \"email.default.subject\" . }}", data);
    }

    @Test
    void defaultSubjectCountsFiringAlertsAndListsExtraCommonLabels() throws TemplateException {
        TemplateData data = TemplateData.of(
                "mail",
                LabelSet.of("alertname", "DiskFull"),
                List.of(
                        firing("alertname", "DiskFull", "env", "prod", "instance", "a"),
                        firing("alertname", "DiskFull", "env", "prod", "instance", "b"),
                        resolved("alertname", "DiskFull", "env", "prod", "instance", "c")),
                "");

        assertThat(subject(data)).isEqualTo("[FIRING:2] DiskFull (prod)");
    }

    @Test
    void defaultSubjectOfResolvedGroupEndsWithSpaceWhenNoExtraCommonLabels() throws TemplateException {
        TemplateData data = TemplateData.of(
                "mail", LabelSet.of("alertname", "DiskFull"), List.of(resolved("alertname", "DiskFull")), "");

        assertThat(subject(data)).isEqualTo("[RESOLVED] DiskFull ");
    }

    @Test
    void sortedPairsPutAlertnameFirst() throws TemplateException {
        TemplateData data = TemplateData.of(
                "mail",
                LabelSet.of("zone", "z1", "alertname", "Up", "app", "web"),
                List.of(firing("zone", "z1", "alertname", "Up", "app", "web")),
                "");

        assertThat(subject(data)).isEqualTo("[FIRING:1] Up web z1 ");
        assertThat(render("{{ .GroupLabels }}|{{ .GroupLabels.Names }}", data))
                .isEqualTo("alertname=Up, app=web, zone=z1|[alertname app zone]");
    }

    @Test
    void rendersControlStructuresVariablesAndFunctions() throws TemplateException {
        TemplateData data = TemplateData.of(
                "team.mail",
                LabelSet.of(),
                List.of(firing("alertname", "A", "sev", "page"), resolved("alertname", "B", "sev", "page")),
                "http://am");
        String text = "{{- range $i, $a := .Alerts }}{{ $i }}:{{ $a.Labels.alertname | toLower }}"
                + "{{ if eq $a.Status \"firing\" }}!{{ else if eq .Status \"resolved\" }}.{{ end }} {{ end -}}\n"
                + "{{ with .CommonLabels.sev }}{{ . | title }}{{ else }}none{{ end }} {{ .Receiver }}"
                + " {{ len .Alerts }} {{ .CommonLabels.missing }}|{{ index .Alerts 1 | printf \"%v\" | len | gt 0 }}"
                + " {{ stringSlice \"a\" \"b\" | join \",\" }} {{ reReplaceAll \"(\\\\w+)-(\\\\w+)\" \"$2-$1\" \"x-y\" }}"
                + " {{ and 1 0 }}{{ or 0 \"\" \"z\" }} {{ not (match \"^A\" \"Abc\") }}";

        assertThat(render(text, data)).isEqualTo("0:a! 1:b. Page team\\.mail 2 |false a,b y-x 0z false");
    }

    @Test
    void rangeElseRunsForEmptyList() throws TemplateException {
        TemplateData data = TemplateData.of("r", LabelSet.of(), List.of(resolved("alertname", "X")), "");

        assertThat(render("{{ range .Alerts.Firing }}f{{ else }}none{{ end }}", data))
                .isEqualTo("none");
    }

    @Test
    void htmlModeEscapesValuesButNotSafeHtml() throws TemplateException {
        TemplateData data =
                TemplateData.of("r", LabelSet.of(), List.of(firing("alertname", "<script>alert('x')</script>")), "");
        Template template = TemplateSet.defaults()
                .compile("html", "<b>{{ .CommonLabels.alertname }}</b>{{ \"<i>ok</i>\" | safeHtml }}");

        assertThat(template.renderHtml(data))
                .isEqualTo("<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</b><i>ok</i>");
    }

    @Test
    void defaultHtmlBodyEscapesLabelValuesAndShowsAnnotationsAndSource() throws TemplateException {
        TemplateData data = TemplateData.of(
                "r", LabelSet.of("alertname", "A"), List.of(firing("alertname", "A", "path", "<&>")), "");
        String html = TemplateSet.defaults()
                .compile("html", "{{ template \"email.default.html\" . }}")
                .renderHtml(data);

        assertThat(html)
                .contains("&lt;&amp;&gt;")
                .doesNotContain("<&>")
                .contains("disk &lt;full&gt;")
                .contains("http://prom/graph?g0.expr=up&amp;x=1")
                .contains("2026-01-02 03:03:05 +0000 UTC");
    }

    @Test
    void defaultTextBodyListsFiringAndResolvedAlerts() throws TemplateException {
        TemplateData data = TemplateData.of(
                "r",
                LabelSet.of("alertname", "A"),
                List.of(firing("alertname", "A", "i", "1"), resolved("alertname", "A", "i", "2")),
                "");
        String text = render("{{ template \"email.default.text\" . }}", data);

        assertThat(text)
                .startsWith("[FIRING:1] A \n")
                .contains("Firing alerts (1):")
                .contains("Resolved alerts (1):")
                .contains("    i = 1")
                .contains("    summary = disk <full>")
                .contains("Source: http://prom/graph?g0.expr=up&x=1");
    }

    @Test
    void trimMarkersAndCommentsRemoveWhitespace() throws TemplateException {
        TemplateData data = TemplateData.of("r", LabelSet.of(), List.of(), "");

        assertThat(render("a  {{- /* note */ -}}  \n b {{- \"c\" }}", data)).isEqualTo("abc");
    }

    @Test
    void fileDefinitionsCanBeCalledAndOverrideDefaults() throws TemplateException {
        TemplateSet set = TemplateSet.defaults()
                .withFile("team.tmpl", "{{ define \"email.default.subject\" }}custom {{ .Status }}{{ end }}");
        TemplateData data = TemplateData.of("r", LabelSet.of(), List.of(firing("alertname", "A")), "");

        assertThat(set.compile("s", "{{ template \"email.default.subject\" . }}")
                        .render(data))
                .isEqualTo("custom firing");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'ok {{ block \"x\" . }}{{ end }}'       | test:1:4: {{block}} is outside the supported template subset",
                "'{{ .Status | humanize }}'             | test:1:14: function \"humanize\" not defined (outside the supported template subset)",
                "'line1\n  {{ .Status '                 | test:2:3: unclosed action: no }} after {{",
                "'{{ template \"missing\" . }}'         | test:1:1: no such template \"missing\"",
                "'{{ $x = 1 }}'                         | test:1:7: unexpected character '=' (outside the supported template subset)",
                "'{{ if .Status }}open'                 | test:1:21: unexpected end of template: missing {{end}}",
                "'{{ end }}'                            | test:1:1: unexpected {{end}}",
                "'{{ 1.5 }}'                            | test:1:4: only integer constants are supported",
                "'{{ range .Alerts }}{{ break }}{{ end }}' | test:1:20: {{break}} is outside the supported template subset",
                "'{{ define \"x\" }}y{{ end }}'        | test:1:1: {{define}} is not allowed in a field template; put it in a template file",
            })
    void rejectsTextOutsideTheSubsetWithItsPosition(String text, String message) {
        assertThatThrownBy(() -> TemplateSet.defaults().compile("test", text))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void reportsWrongTypesAtRenderWithPosition() throws TemplateException {
        Template template = TemplateSet.defaults().compile("t", "\n  {{ .Alerts | toUpper }}");
        TemplateData data = TemplateData.of("r", LabelSet.of(), List.of(), "");

        assertThatThrownBy(() -> template.render(data))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t:2:16: wrong type for value; expected string");
    }

    @Test
    void rejectsRecursionBeyondTheDepthLimit() throws TemplateException {
        TemplateSet set =
                TemplateSet.empty().withFile("loop.tmpl", "{{ define \"loop\" }}{{ template \"loop\" . }}{{ end }}");
        Template template = set.compile("t", "{{ template \"loop\" . }}");

        assertThatThrownBy(() -> template.render(TemplateData.of("r", LabelSet.of(), List.of(), "")))
                .hasMessageContaining("exceeded maximum template depth");
    }
}
