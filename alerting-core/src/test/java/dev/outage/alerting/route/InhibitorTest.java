package dev.outage.alerting.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InhibitorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Inhibitor inhibitor = Inhibitor.of(RouteTreeTest.load("""
                    route: {receiver: r}
                    receivers: [{name: r}]
                    inhibit_rules:
                      - source_matchers: [severity="critical"]
                        target_matchers: [severity=~"warning|critical"]
                        equal: [cluster]
                    """).inhibitRules());

    private static Alert alert(String... labels) {
        return Alert.builder(LabelSet.of(labels)).build();
    }

    @Test
    void inhibitsTargetsWithEqualLabelsWhileTheSourceFires() {
        Alert source = alert("severity", "critical", "cluster", "a");
        assertThat(inhibitor.isInhibited(LabelSet.of("severity", "warning", "cluster", "a"), List.of(source), NOW))
                .isTrue();
        assertThat(inhibitor.isInhibited(LabelSet.of("severity", "warning", "cluster", "b"), List.of(source), NOW))
                .isFalse();
    }

    @Test
    void treatsMissingEqualLabelsAsEmpty() {
        assertThat(inhibitor.isInhibited(
                        LabelSet.of("severity", "warning"), List.of(alert("severity", "critical")), NOW))
                .isTrue();
    }

    @Test
    void ignoresResolvedSources() {
        Alert resolved = Alert.builder(LabelSet.of("severity", "critical"))
                .endsAt(NOW.minusSeconds(1))
                .build();
        assertThat(inhibitor.isInhibited(LabelSet.of("severity", "warning"), List.of(resolved), NOW))
                .isFalse();
    }

    @Test
    void anAlertMatchingBothSidesDoesNotInhibitItselfOrItsPeers() {
        Alert critical = alert("severity", "critical", "cluster", "a");
        assertThat(inhibitor.isInhibited(critical.labels(), List.of(critical), NOW))
                .isFalse();
        assertThat(inhibitor.isInhibitedByLabels(
                        critical.labels(), List.of(LabelSet.of("severity", "critical", "cluster", "a", "x", "1"))))
                .isFalse();
    }
}
