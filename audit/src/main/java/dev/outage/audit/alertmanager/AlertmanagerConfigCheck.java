package dev.outage.audit.alertmanager;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.config.ConfigError;
import dev.outage.alerting.config.ConfigLoadResult;
import dev.outage.alerting.config.Receiver;
import dev.outage.alerting.config.SourcePosition;
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

/**
 * Loads an {@code alertmanager.yml} as Alertmanager 0.25 would and reports
 * {@code alertmanager-config-invalid} with Alertmanager's own reason for every problem, or, for a
 * valid file, {@code alertmanager-route-to-silent-receiver} for each route whose receiver has no
 * integration. Stateless and thread-safe; blocks while reading the file.
 */
public final class AlertmanagerConfigCheck {

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
            SourcePosition position = route.position();
            if (seen.add(position.line() + ":" + position.column())) {
                findings.add(Rules.ALERTMANAGER_ROUTE_TO_SILENT_RECEIVER.at(
                        at(relativePath, position),
                        "alerts routed here go to receiver '" + name + "', which has no notifier: they are dropped"
                                + " without a trace",
                        "Give receiver '" + name + "' an integration (email_configs, webhook_configs, ...), or route"
                                + " these alerts elsewhere. A deliberate null receiver can be suppressed with"
                                + " '# outage: ignore alertmanager-route-to-silent-receiver'."));
            }
        }
        return findings;
    }

    private static Location at(String relativePath, SourcePosition position) {
        return new Location(relativePath, position.line(), position.column());
    }
}
