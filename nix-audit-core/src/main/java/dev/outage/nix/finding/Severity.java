package dev.outage.nix.finding;

import java.util.Locale;

/** How bad a finding is, from the most to the least severe. */
public enum Severity {
    /** A fault that makes something fail silently; fails a build by default. */
    ERROR,
    /** A likely fault or a fault that depends on context the audit cannot see. */
    WARNING,
    /** Information worth reading, never a fault by itself. */
    NOTE;

    /** Returns the lower-case name used in reports: {@code error}, {@code warning} or {@code note}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /**
     * Returns the severity with the given report name, ignoring case.
     *
     * @throws IllegalArgumentException if {@code id} names no severity
     */
    public static Severity parse(String id) {
        for (Severity severity : values()) {
            if (severity.id().equalsIgnoreCase(id.strip())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "': expected error, warning or note");
    }
}
