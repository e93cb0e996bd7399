package dev.outage.nix.module;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The nix-darwin revision a configuration is built with, as locked in {@code flake.lock}.
 *
 * @param rev the git revision, if locked
 * @param lastModified when that revision was committed, if known
 */
public record DarwinRevision(Optional<String> rev, Optional<Instant> lastModified) {

    /** Validates the fields. */
    public DarwinRevision {
        Objects.requireNonNull(rev, "rev");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** Returns an unknown revision: the newest phase list applies. */
    public static DarwinRevision unknown() {
        return new DarwinRevision(Optional.empty(), Optional.empty());
    }

    /** Returns a short description such as {@code 8f27f73 of 2025-03-01} or {@code unknown}. */
    public String describe() {
        if (rev.isEmpty() && lastModified.isEmpty()) {
            return "unknown revision";
        }
        String shortRev = rev.map(r -> r.length() > 7 ? r.substring(0, 7) : r).orElse("?");
        return shortRev
                + lastModified.map(t -> " of " + t.toString().substring(0, 10)).orElse("");
    }
}
