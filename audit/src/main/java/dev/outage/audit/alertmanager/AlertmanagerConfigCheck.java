package dev.outage.audit.alertmanager;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.config.ConfigError;
import dev.outage.alerting.config.ConfigLoadResult;
import dev.outage.alerting.config.Receiver;
import dev.outage.alerting.config.SourcePosition;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.MatcherType;
import dev.outage.alerting.route.Route;
import dev.outage.alerting.route.RouteTree;
import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads an {@code alertmanager.yml} as Alertmanager 0.25 would and reports
 * {@code alertmanager-config-invalid} with Alertmanager's own reason for every problem, or, for a
 * valid file, {@code alertmanager-route-to-silent-receiver} for each route whose receiver has no
 * integration. A {@code Watchdog}/{@code DeadMansSwitch} heartbeat sent to such a receiver gets its
 * own message (nothing notices when alerting stops); {@code InfoInhibitor}, which exists only to
 * inhibit other alerts, is not reported. Stateless and thread-safe; blocks while reading the file.
 */
public final class AlertmanagerConfigCheck {

    /** Always-firing alerts meant for a dead man's switch (kube-prometheus, older prometheus-operator). */
    private static final Set<String> HEARTBEAT_ALERTS = Set.of("Watchdog", "DeadMansSwitch");

    private static final Pattern LITERAL_ALTERNATION = Pattern.compile("[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)*");

    /** Alerts that exist only as inhibition sources (kube-prometheus routes them to a null receiver). */
    private static final Set<String> INHIBITOR_ALERTS = Set.of("InfoInhibitor");

    /** Returns the findings for the configuration at {@code file}, reported as {@code relativePath}. */
    public List<Finding> check(Path file, String relativePath) {
        ConfigLoadResult result;
        try {
            result = AlertmanagerConfigLoader.load(file);
        } catch (IOException e) {
            return List.of(Rules.ALERTMANAGER_CONFIG_INVALID.at(
                    Location.startOf(relativePath), "cannot read the file: " + e.getMessage(), ""));
        }
        if (result instanceof ConfigLoadResult.Rejected rejected) {
            return rejected(relativePath, rejected.errors());
        }
        return silentReceivers(relativePath, result.orElseThrow());
    }

    private static List<Finding> rejected(String relativePath, List<ConfigError> errors) {
        List<Finding> findings = new ArrayList<>();
        for (ConfigError error : errors) {
            findings.add(Rules.ALERTMANAGER_CONFIG_INVALID.at(
                    at(relativePath, error.position()),
                    "Alertmanager rejects this file: " + error.message(),
                    "Alertmanager refuses to start (or keeps the previous configuration on reload);"
                            + " check with: amtool check-config " + relativePath));
        }
        return findings;
    }

    private static List<Finding> silentReceivers(String relativePath, AlertmanagerConfig config) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Route route : RouteTree.of(config).routes()) {
            String name = route.options().receiver();
            Optional<Receiver> receiver = config.receiver(name);
            if (receiver.isEmpty() || receiver.get().hasIntegrations()) {
                continue;
            }
            Set<String> alertnames = selectedAlertnames(route);
            if (!alertnames.isEmpty() && INHIBITOR_ALERTS.containsAll(alertnames)) {
                // An alert that exists only to inhibit others is meant to notify nobody.
                continue;
            }
            SourcePosition position = route.position();
            if (!seen.add(position.line() + ":" + position.column())) {
                continue;
            }
            Optional<String> heartbeat = alertnames.stream()
                    .filter(HEARTBEAT_ALERTS::contains)
                    .sorted()
                    .findFirst();
            String message;
            String hint;
            if (heartbeat.isPresent()) {
                message = "the " + heartbeat.get() + " heartbeat alert goes to receiver '" + name
                        + "', which has no notifier: nothing will notice when Prometheus or Alertmanager stops"
                        + " alerting";
                hint = heartbeat.get() + " fires all the time on purpose. Send it to a dead man's switch (a"
                        + " webhook_configs entry for healthchecks.io, Dead Man's Snitch or a similar service"
                        + " that pages when the pings stop). If another system already watches the alerting"
                        + " pipeline, suppress this with '# outage: ignore alertmanager-route-to-silent-receiver'.";
            } else {
                String which = route.parent().isPresent()
                        ? "alerts routed here go"
                        : route.children().isEmpty() ? "every alert goes" : "alerts that no child route catches go";
                message =
                        which + " to receiver '" + name + "', which has no notifier: they are dropped without a trace";
                hint = "Give receiver '" + name + "' an integration (email_configs, webhook_configs, ...), or route"
                        + " these alerts elsewhere. A deliberate null receiver can be suppressed with"
                        + " '# outage: ignore alertmanager-route-to-silent-receiver'.";
            }
            findings.add(Rules.ALERTMANAGER_ROUTE_TO_SILENT_RECEIVER.at(at(relativePath, position), message, hint));
        }
        return findings;
    }

    /**
     * Returns the alert names a route selects with an {@code alertname} matcher: the value of an
     * equality, or the names of a regex that is a plain alternation such as
     * {@code Watchdog|InfoInhibitor}; empty when the route does not select by name that way.
     */
    private static Set<String> selectedAlertnames(Route route) {
        for (Matcher m : route.matchers()) {
            if (!m.name().equals("alertname")) {
                continue;
            }
            if (m.type() == MatcherType.EQUAL) {
                return Set.of(m.value());
            }
            if (m.type() == MatcherType.REGEX
                    && LITERAL_ALTERNATION.matcher(m.value()).matches()) {
                return Set.of(m.value().split("\\|"));
            }
        }
        return Set.of();
    }

    private static Location at(String relativePath, SourcePosition position) {
        return new Location(relativePath, position.line(), position.column());
    }
}
