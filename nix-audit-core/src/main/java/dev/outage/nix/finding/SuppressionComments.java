package dev.outage.nix.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies suppression comments: a finding is dropped when its line, or the line above it,
 * holds {@code outage: ignore <rule-id>} in a comment ({@code #}, {@code //} or {@code /*}).
 * Several ids may follow, separated by commas or spaces; {@code outage: ignore all} drops every
 * rule on that line.
 */
public final class SuppressionComments {

    private static final Pattern COMMENT =
            Pattern.compile("(?:#|//|/\\*)\\s*outage:\\s*ignore\\s+([a-z0-9][a-z0-9, \\t-]*)");

    private SuppressionComments() {}

    /**
     * Returns the findings in {@code findings} that belong to a file with {@code text} and are not
     * suppressed by a comment in it. Findings of other files are returned unchanged.
     */
    public static List<Finding> apply(String file, String text, List<Finding> findings) {
        if (!text.contains("outage:")) {
            return findings;
        }
        String[] lines = text.split("\n", -1);
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            if (!finding.location().file().equals(file) || !suppressed(lines, finding)) {
                kept.add(finding);
            }
        }
        return kept;
    }

    private static boolean suppressed(String[] lines, Finding finding) {
        int line = finding.location().line();
        return ignores(lines, line - 1, finding.ruleId()) || ignores(lines, line - 2, finding.ruleId());
    }

    private static boolean ignores(String[] lines, int index, String ruleId) {
        if (index < 0 || index >= lines.length) {
            return false;
        }
        Matcher matcher = COMMENT.matcher(lines[index]);
        while (matcher.find()) {
            for (String id : matcher.group(1).split("[,\\s]+")) {
                if (id.equals(ruleId) || id.equals("all")) {
                    return true;
                }
            }
        }
        return false;
    }
}
