package dev.outage.alerting.config;

import dev.outage.alerting.model.Matcher;
import java.util.List;
import java.util.Objects;

/**
 * One {@code inhibit_rules} entry: while an alert matching the source matchers fires, alerts
 * matching the target matchers that agree on the {@code equal} labels are muted. The legacy
 * {@code source_match(_re)} and {@code target_match(_re)} are folded into the matcher lists.
 *
 * @param sourceMatchers what an inhibiting alert must match
 * @param targetMatchers what an inhibited alert must match
 * @param equal labels whose values (missing counts as empty) must be equal in both alerts
 * @param position where the rule is written
 */
public record InhibitRule(
        List<Matcher> sourceMatchers, List<Matcher> targetMatchers, List<String> equal, SourcePosition position) {

    /** Checks the parts and copies the lists. */
    public InhibitRule {
        sourceMatchers = List.copyOf(sourceMatchers);
        targetMatchers = List.copyOf(targetMatchers);
        equal = List.copyOf(equal);
        Objects.requireNonNull(position, "position");
    }
}
