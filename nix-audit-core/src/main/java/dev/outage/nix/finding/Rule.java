package dev.outage.nix.finding;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A requirement an audit checks, with a stable kebab-case id that users put in suppressions.
 *
 * @param id stable kebab-case id such as {@code darwin-activation-script-never-runs}
 * @param severity the severity of its findings unless a finding says otherwise
 * @param summary one sentence saying what the rule finds
 */
public record Rule(String id, Severity severity, String summary) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Validates the rule.
     *
     * @throws IllegalArgumentException if the id is not kebab-case or the summary is blank
     */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be kebab-case, got '" + id + "'");
        }
        if (summary.isBlank()) {
            throw new IllegalArgumentException("summary of rule " + id + " must not be blank");
        }
    }

    /** Returns a finding of this rule at its default severity. */
    public Finding at(Location location, String message, String hint) {
        return new Finding(this, severity, location, message, hint);
    }
}
