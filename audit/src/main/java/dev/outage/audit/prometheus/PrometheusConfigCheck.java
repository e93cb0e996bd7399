package dev.outage.audit.prometheus;

import dev.outage.audit.internal.YamlNode;
import dev.outage.audit.internal.YamlReader;
import dev.outage.audit.internal.YamlSyntaxException;
import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rules;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@code prometheus.yml} for alerts that go nowhere: rules loaded with no Alertmanager
 * ({@code prometheus-rules-without-alertmanager}) and Alertmanager entries that point at
 * something that does not receive Prometheus alerts ({@code alertmanager-target-not-receiver}):
 * Grafana's built-in Alertmanager path or Grafana's default port 3000, and the v1 API that
 * Alertmanager 0.27 removed.
 *
 * <p>Rule files are read (relative to the config's directory, with {@code *} globs in the file
 * name) to tell alerting rules from recording-only rules; a rule file that cannot be read counts
 * as holding alerts. Instances are stateless and thread-safe.
 */
public final class PrometheusConfigCheck {

    private static final String GRAFANA_PATH = "/api/alertmanager/grafana";
    private static final Pattern ALERT_KEY = Pattern.compile("(?m)^\\s*-?\\s*alert\\s*:");
    /**
     * Returns the findings for one Prometheus configuration.
     *
     * @param file the configuration file, used to resolve rule files
     * @param relativePath the path reports show
     * @param root the parsed configuration
     */
    public List<Finding> check(Path file, String relativePath, YamlNode root) {
        List<Finding> findings = new ArrayList<>();
        YamlNode.Mapping config = root.asMapping().orElse(null);
        if (config == null) {
            return findings;
        }
        List<YamlNode.Mapping> alertmanagers = config
                .get("alerting")
                .flatMap(YamlNode::asMapping)
                .flatMap(alerting -> alerting.get("alertmanagers"))
                .map(YamlNode::items)
                .orElse(List.of())
                .stream()
                .flatMap(node -> node.asMapping().stream())
                .toList();
        boolean anyTarget = false;
        for (YamlNode.Mapping alertmanager : alertmanagers) {
            anyTarget |= hasTargets(alertmanager);
            checkReceiver(relativePath, alertmanager, findings);
        }
        Optional<YamlNode.Entry> ruleFiles = config.entry("rule_files");
        if (ruleFiles.isPresent()
                && !anyTarget
                && loadsAlertingRules(file, ruleFiles.get().value())) {
            YamlNode.Entry entry = ruleFiles.get();
            findings.add(
                    Rules.PROMETHEUS_RULES_WITHOUT_ALERTMANAGER.at(
                            new Location(relativePath, entry.line(), entry.column()),
                            "Prometheus loads alerting rules but no Alertmanager is configured: firing alerts notify nobody",
                            "Run an Alertmanager and add it under alerting.alertmanagers, for example:\n"
                                    + "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['127.0.0.1:9093']"));
        }
        return findings;
    }

    private static boolean hasTargets(YamlNode.Mapping alertmanager) {
        // Any service discovery (dns_sd_configs, kubernetes_sd_configs, docker_sd_configs, ...) counts.
        for (YamlNode.Entry entry : alertmanager.entries().values()) {
            if (entry.key().endsWith("_sd_configs") && !entry.value().items().isEmpty()) {
                return true;
            }
        }
        return targets(alertmanager).stream().anyMatch(t -> t.asText().isPresent());
    }

    private static List<YamlNode> targets(YamlNode.Mapping alertmanager) {
        List<YamlNode> targets = new ArrayList<>();
        for (YamlNode staticConfig :
                alertmanager.get("static_configs").map(YamlNode::items).orElse(List.of())) {
            staticConfig.asMapping().flatMap(m -> m.get("targets")).ifPresent(t -> targets.addAll(t.items()));
        }
        return targets;
    }

    private static void checkReceiver(String relativePath, YamlNode.Mapping alertmanager, List<Finding> findings) {
        Optional<YamlNode> pathPrefix = alertmanager.get("path_prefix");
        String prefix = pathPrefix.flatMap(YamlNode::asText).orElse("");
        if (prefix.toLowerCase(Locale.ROOT).contains(GRAFANA_PATH)) {
            findings.add(Rules.ALERTMANAGER_TARGET_NOT_RECEIVER.at(
                    at(relativePath, pathPrefix.get()),
                    "path_prefix '" + prefix + "' is Grafana's built-in Alertmanager, which rejects the alerts"
                            + " Prometheus posts to /api/v2/alerts",
                    "Point alerting.alertmanagers at a real Alertmanager (default port 9093) and drop the"
                            + " path_prefix; add that Alertmanager to Grafana as a data source to see alerts there."));
            return;
        }
        for (YamlNode target : targets(alertmanager)) {
            String text = target.asText().orElse("");
            if (text.endsWith(":3000")) {
                findings.add(Rules.ALERTMANAGER_TARGET_NOT_RECEIVER.at(
                        at(relativePath, target),
                        "Alertmanager target '" + text + "' is Grafana's default port; Grafana does not accept"
                                + " Prometheus alerts there",
                        "Send alerts to a real Alertmanager (default port 9093)."));
            }
        }
        Optional<YamlNode> apiVersion = alertmanager.get("api_version");
        if (apiVersion.flatMap(YamlNode::asText).map("v1"::equalsIgnoreCase).orElse(false)) {
            findings.add(Rules.ALERTMANAGER_TARGET_NOT_RECEIVER.at(
                    at(relativePath, apiVersion.get()),
                    "api_version v1 was removed in Alertmanager 0.27; current Alertmanagers reject these alerts",
                    "Remove api_version (v2 is the default)."));
        }
    }

    private static boolean loadsAlertingRules(Path file, YamlNode ruleFiles) {
        List<YamlNode> patterns = ruleFiles.items();
        if (patterns.isEmpty()) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        for (YamlNode pattern : patterns) {
            String text = pattern.asText().orElse("");
            if (text.isBlank()) {
                continue;
            }
            List<Path> matched = resolve(dir, text);
            if (matched.isEmpty()) {
                return true;
            }
            for (Path ruleFile : matched) {
                if (holdsAlerts(ruleFile)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> resolve(Path dir, String pattern) {
        Path path = dir.resolve(pattern);
        String name = path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        List<Path> matched = new ArrayList<>();
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return matched;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, name)) {
            stream.forEach(matched::add);
        } catch (IOException | RuntimeException e) {
            matched.clear();
        }
        return matched;
    }

    private static boolean holdsAlerts(Path ruleFile) {
        try {
            String text = Files.readString(ruleFile);
            YamlReader.read(text);
            return ALERT_KEY.matcher(text).find();
        } catch (IOException | YamlSyntaxException | RuntimeException e) {
            return true;
        }
    }

    private static Location at(String relativePath, YamlNode node) {
        return new Location(relativePath, node.line(), node.column());
    }
}
