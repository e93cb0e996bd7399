package dev.outage.probe.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.model.LabelSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrometheusTextParserTest {

    @Test
    void readsARealAlertmanagerScrapeWithoutErrors() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("alertmanager-0.25-metrics.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        MetricsSnapshot metrics = PrometheusTextParser.parse(text);

        assertThat(metrics.errors()).isEmpty();
        assertThat(metrics.sum("alertmanager_notifications_total", LabelSet.of("integration", "webhook")))
                .isEqualTo(1.0);
        assertThat(metrics.sum(
                        "alertmanager_notification_requests_failed_total", LabelSet.of("integration", "webhook")))
                .isEqualTo(4.0);
        assertThat(metrics.samples("alertmanager_notifications_total", LabelSet.empty()))
                .hasSize(10);
        assertThat(metrics.types())
                .containsEntry("alertmanager_notifications_total", "counter")
                .containsEntry("alertmanager_nflog_query_duration_seconds", "histogram");
        assertThat(metrics.samples("alertmanager_nflog_query_duration_seconds_bucket", LabelSet.of("le", "+Inf")))
                .singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(1.0));
    }

    @Test
    void readsEscapesSpecialValuesTimestampsAndTrailingCommas() {
        MetricsSnapshot metrics = PrometheusTextParser.parse("""
                # HELP weird A help line with \\\\ and \\n escapes
                # TYPE weird gauge
                weird{path="C:\\\\dir",msg="say \\"hi\\"\\nbye",} 1.5e3 1700000000000
                weird{path="x"} NaN
                weird{path="y"} +Inf
                weird{path="z"} -Inf
                plain 0x1F
                """);

        assertThat(metrics.errors()).isEmpty();
        MetricSample first = metrics.samples().get(0);
        assertThat(first.labels().get("path")).isEqualTo("C:\\dir");
        assertThat(first.labels().get("msg")).isEqualTo("say \"hi\"\nbye");
        assertThat(first.value()).isEqualTo(1500.0);
        assertThat(first.timestampMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(metrics.samples().get(1).value()).isNaN();
        assertThat(metrics.samples().get(2).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(metrics.samples().get(3).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(metrics.sum("plain", LabelSet.empty())).isEqualTo(31.0);
    }

    @Test
    void badLinesBecomeErrorsWithLineAndColumnAndParsingGoesOn() {
        MetricsSnapshot metrics = PrometheusTextParser.parse("""
                good 1
                bad{label="x" 2
                {noname="x"} 3
                also_bad abc
                unterminated{a="b} 1
                dup{a="1",a="2"} 1
                trailing 1 2 3
                # TYPE good nonsense
                fine_again 4
                """);

        assertThat(metrics.samples()).extracting(MetricSample::name).containsExactly("good", "fine_again");
        assertThat(metrics.errors())
                .extracting(MetricsSyntaxError::toString)
                .containsExactly(
                        "2:15: expected ',' or '}' in the label set",
                        "3:1: expected a metric name",
                        "4:10: not a number: 'abc'",
                        "5:16: unterminated label value",
                        "6:11: label a appears twice",
                        "7:14: unexpected text after the timestamp",
                        "8:13: unknown metric type 'nonsense'");
    }
}
