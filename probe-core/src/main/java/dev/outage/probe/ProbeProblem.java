package dev.outage.probe;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One problem a probe found, tagged with the stable rule id an audit reports it under.
 *
 * @param ruleId a kebab-case rule id from {@link ProbeRules}, never null
 * @param subject what the problem is about: a module, a distribution, a file, a URL; never null
 * @param message one sentence for a person, never null or blank
 */
public record ProbeProblem(String ruleId, String subject, String message) {

    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Checks that the rule id is kebab-case and that subject and message are present. */
    public ProbeProblem {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        if (!RULE_ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("rule id is not kebab-case: '" + ruleId + "'");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("message of a problem about '" + subject + "' is blank");
        }
    }

    @Override
    public String toString() {
        return subject + ": " + message + " [" + ruleId + "]";
    }
}
