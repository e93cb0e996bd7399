package dev.outage.audit;

import dev.outage.nix.finding.Finding;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Objects;

/**
 * A suppression from {@code outage.yml}: findings of one rule (or {@code *} for every rule) in
 * files matching a glob are dropped from the report.
 *
 * @param ruleId a rule id, or {@code *}
 * @param path a glob over relative paths with {@code /} separators ({@code **} crosses
 *     directories); {@code **} when every file is meant
 * @param reason why the finding is accepted; may be empty
 */
public record Suppression(String ruleId, String path, String reason) {

    /**
     * Validates the suppression.
     *
     * @throws IllegalArgumentException if the rule id or the glob is blank or the glob is malformed
     */
    public Suppression {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("suppression rule must not be blank");
        }
        if (path.isBlank()) {
            throw new IllegalArgumentException("suppression path must not be blank");
        }
        matcher(path);
    }

    /** Returns whether this suppression drops {@code finding}. */
    public boolean suppresses(Finding finding) {
        if (!ruleId.equals("*") && !ruleId.equals(finding.ruleId())) {
            return false;
        }
        String file = finding.location().file();
        return path.equals("**") || path.equals(file) || matcher(path).matches(Path.of(file));
    }

    private static PathMatcher matcher(String glob) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed suppression path glob '" + glob + "': " + e.getMessage(), e);
        }
    }
}
