package dev.outage.nix.finding;

import java.util.Comparator;
import java.util.Objects;

/**
 * One violation of a {@link Rule} at a {@link Location}.
 *
 * <p>Findings sort by file, line, column and rule id, the order every report uses.
 *
 * @param rule the rule violated
 * @param severity the severity of this finding (usually the rule's; lower when the audit is unsure)
 * @param location where the offending attribute or value starts
 * @param message what is wrong, in one sentence; never holds a secret
 * @param hint how to fix it; may be empty, never null
 */
public record Finding(Rule rule, Severity severity, Location location, String message, String hint)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    /**
     * Validates the finding.
     *
     * @throws IllegalArgumentException if the message is blank
     */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        if (message.isBlank()) {
            throw new IllegalArgumentException("message of a " + rule.id() + " finding must not be blank");
        }
    }

    /** Returns the id of the violated rule. */
    public String ruleId() {
        return rule.id();
    }

    /** Returns this finding with another severity. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, location, message, hint);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }

    /** Returns {@code file:line:column: severity: message [ruleId]}, the text report's line. */
    @Override
    public String toString() {
        return location + ": " + severity.id() + ": " + message + " [" + rule.id() + "]";
    }
}
