package dev.outage.nix.finding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of every rule outage knows, with the ids and severities users rely on.
 *
 * <p>Ids never change: suppressions, SARIF consumers and CI scripts depend on them.
 */
public final class Rules {

    /** A custom-named {@code system.activationScripts.<name>} in a nix-darwin configuration. */
    public static final Rule DARWIN_ACTIVATION_SCRIPT_NEVER_RUNS = new Rule(
            "darwin-activation-script-never-runs",
            Severity.ERROR,
            "A custom-named system.activationScripts.<name> in a nix-darwin configuration is built but never executed.");

    /** {@code deps} on a nix-darwin activation script. */
    public static final Rule DARWIN_ACTIVATION_DEPS_UNSUPPORTED = new Rule(
            "darwin-activation-deps-unsupported",
            Severity.ERROR,
            "nix-darwin activation scripts have no deps ordering; the attribute is ignored or rejected.");

    /** A declared activation snippet missing from the built activate script. */
    public static final Rule ACTIVATION_SNIPPET_NOT_EMBEDDED = new Rule(
            "activation-snippet-not-embedded",
            Severity.ERROR,
            "A declared activation snippet is missing from the built activate script.");

    /** {@code pip install --user} in a service, launchd/systemd command or activation script. */
    public static final Rule PIP_USER_INSTALL = new Rule(
            "pip-user-install",
            Severity.WARNING,
            "pip install --user in a service or activation script rewrites the shared user site-packages.");

    /** Alert rules are loaded but no Alertmanager is configured. */
    public static final Rule PROMETHEUS_RULES_WITHOUT_ALERTMANAGER = new Rule(
            "prometheus-rules-without-alertmanager",
            Severity.ERROR,
            "Prometheus loads alerting rules but sends the alerts nowhere.");

    /** Prometheus sends alerts to an endpoint that does not accept them. */
    public static final Rule ALERTMANAGER_TARGET_NOT_RECEIVER = new Rule(
            "alertmanager-target-not-receiver",
            Severity.ERROR,
            "Prometheus sends alerts to an endpoint that does not accept them, such as Grafana's built-in Alertmanager.");

    /** alertmanager.yml rejected, with Alertmanager's own reason. */
    public static final Rule ALERTMANAGER_CONFIG_INVALID =
            new Rule("alertmanager-config-invalid", Severity.ERROR, "Alertmanager rejects this alertmanager.yml.");

    /** Alerts can route to a receiver with no notifier. */
    public static final Rule ALERTMANAGER_ROUTE_TO_SILENT_RECEIVER = new Rule(
            "alertmanager-route-to-silent-receiver",
            Severity.WARNING,
            "Alerts can route to a receiver that has no notifier.");

    /** An SMTP password written inline instead of in a {@code *_file}. */
    public static final Rule SMTP_PASSWORD_INLINE = new Rule(
            "smtp-password-inline",
            Severity.WARNING,
            "An SMTP password is written inline instead of read from a file.");

    /** A file that cannot be read or parsed, so no rule could check it. */
    public static final Rule FILE_UNPARSABLE = new Rule(
            "file-unparsable", Severity.ERROR, "A configuration file cannot be parsed, so nothing in it was checked.");

    private static final Map<String, Rule> BY_ID = index(List.of(
            DARWIN_ACTIVATION_SCRIPT_NEVER_RUNS,
            DARWIN_ACTIVATION_DEPS_UNSUPPORTED,
            ACTIVATION_SNIPPET_NOT_EMBEDDED,
            PIP_USER_INSTALL,
            PROMETHEUS_RULES_WITHOUT_ALERTMANAGER,
            ALERTMANAGER_TARGET_NOT_RECEIVER,
            ALERTMANAGER_CONFIG_INVALID,
            ALERTMANAGER_ROUTE_TO_SILENT_RECEIVER,
            SMTP_PASSWORD_INLINE,
            FILE_UNPARSABLE,
            probe("venv-import-failed", "A module cannot be imported with the venv's interpreter."),
            probe("venv-broken-requirement", "An installed distribution's requirement is missing or conflicts."),
            probe("venv-file-modified", "A file installed into the venv differs from its RECORD."),
            probe("venv-user-site-shadowing", "The user site-packages shadows the venv's distributions."),
            probe("service-unhealthy", "A service's health check fails."),
            probe("version-drift", "The running version differs from the installed one."),
            probe("alerts-firing-without-alertmanager", "Prometheus has firing alerts but no Alertmanager."),
            probe("notifications-failing", "Alertmanager fails to deliver notifications."),
            probe("crash-loop", "A service restarts again and again.")));

    private Rules() {}

    /** Returns every known rule in catalogue order. */
    public static List<Rule> all() {
        return List.copyOf(BY_ID.values());
    }

    /** Returns the rule with the given id, or empty if the id is unknown. */
    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /**
     * Returns the rule with the given id.
     *
     * @throws IllegalArgumentException if the id is unknown
     */
    public static Rule require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown rule id '" + id + "'"));
    }

    private static Rule probe(String id, String summary) {
        return new Rule(id, Severity.ERROR, summary);
    }

    private static Map<String, Rule> index(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            byId.put(rule.id(), rule);
        }
        return Collections.unmodifiableMap(byId);
    }
}
