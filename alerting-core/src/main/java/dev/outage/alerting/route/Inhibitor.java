package dev.outage.alerting.route;

import dev.outage.alerting.config.InhibitRule;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matchers;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an alert is inhibited by other alerts, with Alertmanager's rules.
 *
 * <pre>{@code
 * Inhibitor inhibitor = Inhibitor.of(config.inhibitRules());
 * boolean muted = inhibitor.isInhibited(alert.labels(), activeAlerts, Instant.now());
 * }</pre>
 *
 * <p>An alert is inhibited when a rule's target matchers match it and some firing alert matches
 * the rule's source matchers and has the same values (missing = empty) for every {@code equal}
 * label. When the alert matches the source matchers too, source alerts that also match the target
 * matchers are ignored, so that an alert never inhibits itself or its peers on both sides.
 * Immutable and thread-safe; the caller passes the current alerts on every call.
 */
public final class Inhibitor {

    private final List<InhibitRule> rules;

    private Inhibitor(List<InhibitRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Returns an inhibitor for the rules of a configuration. */
    public static Inhibitor of(List<InhibitRule> rules) {
        return new Inhibitor(Objects.requireNonNull(rules, "rules"));
    }

    /**
     * Returns the first rule that inhibits the target, given the alerts known at {@code now}
     * (resolved ones are ignored), or empty.
     */
    public Optional<InhibitRule> inhibitingRule(LabelSet target, Collection<Alert> alerts, Instant now) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(now, "now");
        for (InhibitRule rule : rules) {
            if (!Matchers.matchAll(rule.targetMatchers(), target)) {
                continue;
            }
            boolean twoSided = Matchers.matchAll(rule.sourceMatchers(), target);
            for (Alert source : alerts) {
                if (!source.isResolvedAt(now) && inhibits(rule, source.labels(), target, twoSided)) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    /** Returns whether any rule inhibits the target, given the alerts known at {@code now}. */
    public boolean isInhibited(LabelSet target, Collection<Alert> alerts, Instant now) {
        return inhibitingRule(target, alerts, now).isPresent();
    }

    /** Returns whether the target is inhibited by firing alerts with the given label sets. */
    public boolean isInhibitedByLabels(LabelSet target, Collection<LabelSet> firing) {
        Objects.requireNonNull(target, "target");
        for (InhibitRule rule : rules) {
            if (!Matchers.matchAll(rule.targetMatchers(), target)) {
                continue;
            }
            boolean twoSided = Matchers.matchAll(rule.sourceMatchers(), target);
            for (LabelSet source : firing) {
                if (inhibits(rule, source, target, twoSided)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inhibits(InhibitRule rule, LabelSet source, LabelSet target, boolean twoSided) {
        if (!Matchers.matchAll(rule.sourceMatchers(), source)) {
            return false;
        }
        for (String label : rule.equal()) {
            if (!source.getOrEmpty(label).equals(target.getOrEmpty(label))) {
                return false;
            }
        }
        return !(twoSided && Matchers.matchAll(rule.targetMatchers(), source));
    }
}
