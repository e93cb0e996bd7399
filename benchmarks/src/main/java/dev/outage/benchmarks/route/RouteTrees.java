package dev.outage.benchmarks.route;

import dev.outage.alerting.model.LabelSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds the routing trees and alerts the route benchmarks run on: teams at the first level,
 * services with regex matchers below them, severities at the leaves.
 */
final class RouteTrees {

    private RouteTrees() {}

    /** Returns an alertmanager.yml with about {@code routes} routes, each matching with regexes. */
    static String yaml(int routes) {
        int teams = Math.max(1, (int) Math.round(Math.sqrt(routes / 2.0)));
        int perTeam = Math.max(1, (routes - teams) / teams);
        StringBuilder yaml = new StringBuilder("route:\n  receiver: default\n  group_by: [alertname]\n  routes:\n");
        int written = 0;
        for (int t = 0; t < teams && written < routes; t++) {
            yaml.append("    - matchers: ['team=~\"team-")
                    .append(t)
                    .append("|squad-")
                    .append(t)
                    .append("\"']\n");
            yaml.append("      receiver: team-").append(t).append('\n');
            yaml.append("      routes:\n");
            written++;
            for (int s = 0; s < perTeam && written < routes; s++, written++) {
                yaml.append("        - matchers: ['service=~\"svc-")
                        .append(s)
                        .append("-[a-z]+\"', 'instance=~\".*:9[0-9]{3}\"']\n");
                yaml.append("          receiver: team-").append(t).append('\n');
                if (s % 3 == 0) {
                    yaml.append("          continue: true\n");
                }
            }
        }
        yaml.append("receivers:\n  - name: default\n");
        for (int t = 0; t < teams; t++) {
            yaml.append("  - name: team-").append(t).append('\n');
        }
        return yaml.toString();
    }

    /** Returns alerts spread over the tree: most match a team, some a service, some nothing. */
    static List<LabelSet> alerts(int routes, int count) {
        int teams = Math.max(1, (int) Math.round(Math.sqrt(routes / 2.0)));
        int perTeam = Math.max(1, (routes - teams) / teams);
        Random random = new Random(42);
        List<LabelSet> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alerts.add(LabelSet.of(
                    "alertname", "HighLatency",
                    "team", (random.nextBoolean() ? "team-" : "squad-") + random.nextInt(teams + 1),
                    "service", "svc-" + random.nextInt(perTeam + 1) + "-api",
                    "instance", "host-" + random.nextInt(50) + ":9" + (100 + random.nextInt(900)),
                    "severity", random.nextBoolean() ? "critical" : "warning"));
        }
        return alerts;
    }

    /** Returns alerts like {@link #alerts} whose service and instance values never repeat. */
    static List<LabelSet> uniqueAlerts(int routes, int count) {
        int teams = Math.max(1, (int) Math.round(Math.sqrt(routes / 2.0)));
        int perTeam = Math.max(1, (routes - teams) / teams);
        Random random = new Random(7);
        List<LabelSet> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alerts.add(LabelSet.of(
                    "alertname", "HighLatency",
                    "team", "team-" + random.nextInt(teams + 1),
                    "service",
                            "svc-" + random.nextInt(perTeam + 1) + "-api"
                                    + Integer.toString(i, 26).replaceAll("[0-9]", "q"),
                    "instance", "host-" + i + ":9" + (100 + random.nextInt(900)),
                    "severity", "critical"));
        }
        return alerts;
    }
}
