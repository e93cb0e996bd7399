package dev.outage.audit.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.nix.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertmanagerConfigCheckTest {

    @TempDir
    Path dir;

    private List<Finding> check(String yaml) throws Exception {
        Path file = dir.resolve("alertmanager.yml");
        Files.writeString(file, yaml);
        return new AlertmanagerConfigCheck().check(file, "alertmanager.yml");
    }

    @Test
    void watchdogSentToNullReceiverIsExplainedAsAHeartbeat() throws Exception {
        List<Finding> findings = check("""
                route:
                  receiver: team
                  routes:
                    - matchers: [alertname = "Watchdog"]
                      receiver: 'null'
                receivers:
                  - name: 'null'
                  - name: team
                    webhook_configs:
                      - url: http://127.0.0.1:5001/
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("alertmanager-route-to-silent-receiver");
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.message()).contains("Watchdog heartbeat", "'null'");
            assertThat(f.hint()).contains("dead man's switch", "# outage: ignore");
        });
    }

    @Test
    void infoInhibitorSentToNullReceiverIsNoFinding() throws Exception {
        assertThat(check("""
                route:
                  receiver: team
                  routes:
                    - match: {alertname: InfoInhibitor}
                      receiver: 'null'
                receivers:
                  - name: 'null'
                  - name: team
                    webhook_configs:
                      - url: http://127.0.0.1:5001/
                """)).isEmpty();
    }

    @Test
    void heartbeatSelectedByAnAlternationIsRecognised() throws Exception {
        List<Finding> findings = check("""
                route:
                  receiver: team
                  routes:
                    - matchers: [alertname =~ "Watchdog|InfoInhibitor"]
                      receiver: blackhole
                receivers:
                  - name: blackhole
                  - name: team
                    webhook_configs:
                      - url: http://127.0.0.1:5001/
                """);

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("the Watchdog heartbeat alert goes to receiver 'blackhole'"));
    }

    @Test
    void silentRootReceiverSaysItCatchesEveryUnmatchedAlert() throws Exception {
        List<Finding> findings = check("""
                route:
                  receiver: blackhole
                  routes:
                    - matchers: [severity="critical"]
                      receiver: pager
                receivers:
                  - name: blackhole
                  - name: pager
                    webhook_configs:
                      - url: http://127.0.0.1:5001/
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.message()).startsWith("alerts that no child route catches go to receiver 'blackhole'");
        });
    }

    @Test
    void silentRootReceiverWithoutChildrenDropsEveryAlert() throws Exception {
        assertThat(check("route:\n  receiver: default\nreceivers:\n  - name: default\n"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("every alert goes to receiver 'default'"));
    }

    @Test
    void rejectedFileNamesAlertmanagersReasonFirst() throws Exception {
        List<Finding> findings = check("""
                route:
                  receiver: r
                receivers:
                  - name: r
                    telegram_configs:
                      - bot_token: t
                        chat_id: $CHAT_ID
                    webhook_configs:
                      - url: $WEBHOOK_URL
                """);

        assertThat(findings).extracting(Finding::ruleId).containsOnly("alertmanager-config-invalid");
        assertThat(findings.get(0).message())
                .isEqualTo("Alertmanager rejects this file: unsupported scheme \"\" for URL");
    }
}
