package dev.outage.alerting.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code alertmanager.yml}: immutable and safe to share between threads.
 *
 * <pre>{@code
 * ConfigLoadResult result = AlertmanagerConfigLoader.load(Path.of("alertmanager.yml"));
 * if (result instanceof ConfigLoadResult.Loaded loaded) {
 *     RouteTree tree = RouteTree.of(loaded.config());
 * }
 * }</pre>
 *
 * @param global the global defaults (Alertmanager's defaults when the section is absent)
 * @param route the root of the routing tree
 * @param inhibitRules the inhibition rules in order
 * @param receivers the receivers in order
 * @param templates the template file patterns, resolved against the file's directory
 * @param muteTimeIntervals the intervals of the older {@code mute_time_intervals} section
 * @param timeIntervals the intervals of {@code time_intervals}
 * @param positions where every key and value of the file starts, by YAML path
 */
public record AlertmanagerConfig(
        GlobalConfig global,
        RouteConfig route,
        List<InhibitRule> inhibitRules,
        List<Receiver> receivers,
        List<String> templates,
        List<NamedTimeInterval> muteTimeIntervals,
        List<NamedTimeInterval> timeIntervals,
        Map<String, SourcePosition> positions) {

    /** Checks the parts and copies the collections. */
    public AlertmanagerConfig {
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(route, "route");
        inhibitRules = List.copyOf(inhibitRules);
        receivers = List.copyOf(receivers);
        templates = List.copyOf(templates);
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        timeIntervals = List.copyOf(timeIntervals);
        positions = Map.copyOf(positions);
    }

    /** Returns the receiver with the name, if defined. */
    public Optional<Receiver> receiver(String name) {
        return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Returns the time interval with the name from either section, if defined. */
    public Optional<NamedTimeInterval> timeInterval(String name) {
        return java.util.stream.Stream.concat(muteTimeIntervals.stream(), timeIntervals.stream())
                .filter(t -> t.name().equals(name))
                .findFirst();
    }

    /**
     * Returns where the key or value at the YAML path is written, such as
     * {@code global.smtp_auth_password} or {@code receivers[0].email_configs[1].to}.
     */
    public Optional<SourcePosition> positionOf(String yamlPath) {
        return Optional.ofNullable(positions.get(yamlPath));
    }
}
