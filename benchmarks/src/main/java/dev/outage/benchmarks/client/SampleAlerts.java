package dev.outage.benchmarks.client;

import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Alerts shaped like those Prometheus sends: eight labels, three annotations, times and a link. */
final class SampleAlerts {

    private SampleAlerts() {}

    static List<Alert> create(int count, String alertname) {
        Instant startsAt = Instant.parse("2026-01-01T12:00:00.123Z");
        List<Alert> alerts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LabelSet labels = LabelSet.of(
                    "alertname",
                    alertname,
                    "severity",
                    i % 3 == 0 ? "page" : "ticket",
                    "instance",
                    "host-" + (i % 97) + ".example.org:9100",
                    "job",
                    "node",
                    "service",
                    "studio",
                    "team",
                    "ops",
                    "device",
                    "/dev/sda" + (i % 5),
                    "n",
                    Integer.toString(i));
            alerts.add(Alert.builder(labels)
                    .annotation("summary", "Disk " + i + " is almost full")
                    .annotation("description", "Filesystem usage above 90% for 10 minutes on host " + (i % 97))
                    .annotation("runbook_url", "https://runbooks.example.org/disk-full")
                    .startsAt(startsAt.plusMillis(i))
                    .generatorUrl(
                            "http://prometheus.example.org:9090/graph?g0.expr=node_filesystem_avail_bytes&g0.tab=1")
                    .build());
        }
        return alerts;
    }
}
