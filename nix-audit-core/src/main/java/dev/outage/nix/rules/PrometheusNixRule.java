package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.module.NixModule;
import dev.outage.nix.module.OptionDefinition;
import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.StringPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Prometheus rules over Nix {@code services.prometheus}:
 * {@code prometheus-rules-without-alertmanager} when {@code rules} or {@code ruleFiles} are set in
 * the tree and no module sets {@code alertmanagers} or {@code alertmanagerURL}, and
 * {@code alertmanager-target-not-receiver} for an alertmanager target on Grafana's port 3000 or
 * its {@code /api/alertmanager/grafana} path.
 *
 * <p>The whole tree counts as one deployment: rules on one host and an Alertmanager on another
 * are taken as wired. Stateless and thread-safe.
 */
public final class PrometheusNixRule {

    /** Returns the findings over every module of a tree. */
    public List<Finding> check(List<NixModule> modules) {
        List<Finding> findings = new ArrayList<>();
        OptionDefinition firstRules = null;
        NixModule rulesModule = null;
        boolean alertmanager = false;
        for (NixModule module : modules) {
            for (OptionDefinition definition : module.definitions()) {
                boolean rules = definition.startsWith("services", "prometheus", "rules")
                        || definition.startsWith("services", "prometheus", "ruleFiles");
                if (rules && !isEmptyList(definition.value()) && firstRules == null) {
                    firstRules = definition;
                    rulesModule = module;
                }
                if (definition.startsWith("services", "prometheus", "alertmanagers")
                        || definition.startsWith("services", "prometheus", "alertmanagerURL")) {
                    alertmanager |= !isEmptyList(definition.value());
                    targets(module, definition.value(), findings);
                }
            }
        }
        if (firstRules != null && !alertmanager) {
            findings.add(
                    Rules.PROMETHEUS_RULES_WITHOUT_ALERTMANAGER.at(
                            NixLocations.of(rulesModule, firstRules.rangeOf(2)),
                            "services.prometheus loads alerting rules but no module sets services.prometheus.alertmanagers:"
                                    + " firing alerts notify nobody",
                            "Run an Alertmanager and point Prometheus at it, for example:\n"
                                    + "  services.prometheus.alertmanagers = [ { static_configs = [ { targets = [ \"127.0.0.1:9093\" ]; } ]; } ];"));
        }
        return findings;
    }

    private static void targets(NixModule module, Expr value, List<Finding> findings) {
        if (value instanceof Expr.Str str) {
            String text = literal(str).toLowerCase(Locale.ROOT);
            if (text.contains("/api/alertmanager/grafana") || text.matches(".*:3000(/.*)?")) {
                findings.add(Rules.ALERTMANAGER_TARGET_NOT_RECEIVER.at(
                        NixLocations.of(module, str.range()),
                        "Prometheus sends alerts to " + literal(str) + ", which is Grafana, not an Alertmanager:"
                                + " Grafana rejects the alerts Prometheus posts",
                        "Send alerts to a real Alertmanager (default port 9093)."));
            }
        } else if (value instanceof Expr.ListExpr list) {
            list.elements().forEach(e -> targets(module, e, findings));
        } else if (value instanceof Expr.AttrSet set) {
            set.bindings().forEach(b -> {
                if (b instanceof dev.outage.nix.syntax.Binding.Attribute a) {
                    targets(module, a.value(), findings);
                }
            });
        }
    }

    private static String literal(Expr.Str str) {
        StringBuilder text = new StringBuilder();
        for (StringPart part : str.parts()) {
            text.append(part instanceof StringPart.Text t ? t.value() : "${...}");
        }
        return text.toString();
    }

    private static boolean isEmptyList(Expr value) {
        return value instanceof Expr.ListExpr list && list.elements().isEmpty();
    }
}
