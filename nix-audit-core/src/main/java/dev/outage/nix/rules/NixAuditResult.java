package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import java.util.List;

/**
 * What a {@link NixAudit} found.
 *
 * @param findings every finding, suppression comments already applied
 * @param notes summary lines such as {@code activation snippets: declared 5, embedded 3}
 */
public record NixAuditResult(List<Finding> findings, List<String> notes) {

    /** Copies the lists. */
    public NixAuditResult {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }
}
