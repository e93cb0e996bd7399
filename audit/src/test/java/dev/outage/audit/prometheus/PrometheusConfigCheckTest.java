package dev.outage.audit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.audit.internal.YamlReader;
import dev.outage.nix.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusConfigCheckTest {

    @TempDir
    Path dir;

    private List<Finding> check(String yaml) throws Exception {
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, yaml);
        return new PrometheusConfigCheck().check(file, "prometheus.yml", YamlReader.read(yaml));
    }

    @Test
    void rulesWithoutAlertingSectionPointAtRuleFiles() throws Exception {
        Files.writeString(
                dir.resolve("alerts.yml"),
                "groups:\n  - name: up\n    rules:\n      - alert: ServiceDown\n        expr: up == 0\n");

        List<Finding> findings =
                check("global:\n  scrape_interval: 15s\nrule_files:\n  - alerts.yml\nscrape_configs: []\n");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("prometheus-rules-without-alertmanager");
            assertThat(f.location().line()).isEqualTo(3);
            assertThat(f.location().column()).isEqualTo(1);
        });
    }

    @Test
    void emptyAlertmanagerListCountsAsNone() throws Exception {
        List<Finding> findings = check("rule_files: ['missing/*.rules']\nalerting:\n  alertmanagers: []\n");

        assertThat(findings).extracting(Finding::ruleId).containsExactly("prometheus-rules-without-alertmanager");
    }

    @Test
    void recordingRulesOnlyNeedNoAlertmanager() throws Exception {
        Files.writeString(
                dir.resolve("recording.yml"),
                "groups:\n  - name: r\n    rules:\n      - record: job:up:sum\n        expr: sum(up)\n");

        assertThat(check("rule_files: ['record*.yml']\n")).isEmpty();
    }

    @Test
    void configuredAlertmanagerIsFine() throws Exception {
        String yaml = "rule_files: [alerts.yml]\nalerting:\n  alertmanagers:\n    - static_configs:\n"
                + "        - targets: ['127.0.0.1:9093']\n";

        assertThat(check(yaml)).isEmpty();
    }

    @Test
    void serviceDiscoveredAlertmanagerIsFine() throws Exception {
        String yaml = "rule_files: [alerts.yml]\nalerting:\n  alertmanagers:\n    - dns_sd_configs:\n"
                + "        - names: ['_alertmanager._tcp.example.org']\n";

        assertThat(check(yaml)).isEmpty();
    }

    @Test
    void anyServiceDiscoveryKindCountsAsAnAlertmanager() throws Exception {
        String yaml = "rule_files: [alerts.yml]\nalerting:\n  alertmanagers:\n    - docker_sd_configs:\n"
                + "        - host: unix:///var/run/docker.sock\n";

        assertThat(check(yaml)).isEmpty();
    }

    @Test
    void targetsLeftEmptyUnderAComment() throws Exception {
        String yaml = "rule_files: [alerts.yml]\nalerting:\n  alertmanagers:\n    - static_configs:\n"
                + "        - targets:\n          # add your Alertmanager here\n";

        assertThat(check(yaml)).extracting(Finding::ruleId).containsExactly("prometheus-rules-without-alertmanager");
    }

    @Test
    void grafanaPathPrefixIsNotAReceiver() throws Exception {
        String yaml =
                "rule_files: [alerts.yml]\nalerting:\n  alertmanagers:\n    - path_prefix: /api/alertmanager/grafana\n"
                        + "      static_configs:\n        - targets: ['127.0.0.1:3000']\n";

        List<Finding> findings = check(yaml);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("alertmanager-target-not-receiver");
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.location().column()).isEqualTo(20);
            assertThat(f.message()).contains("Grafana");
        });
    }

    @Test
    void grafanaPortIsNotAReceiverAndPointsAtTheTarget() throws Exception {
        String yaml = "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets:\n"
                + "            - localhost:9093\n            - localhost:3000\n";

        List<Finding> findings = check(yaml);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("alertmanager-target-not-receiver");
            assertThat(f.location().line()).isEqualTo(6);
            assertThat(f.location().column()).isEqualTo(15);
        });
    }

    @Test
    void removedV1ApiIsNotAReceiver() throws Exception {
        String yaml = "alerting:\n  alertmanagers:\n    - api_version: v1\n      static_configs:\n"
                + "        - targets: ['am:9093']\n";

        assertThat(check(yaml)).extracting(Finding::ruleId).containsExactly("alertmanager-target-not-receiver");
    }
}
