package dev.outage.audit;

import dev.outage.nix.module.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to audit and how.
 *
 * @param roots directories or files to audit; relative paths in the report are relative to each root
 * @param config an {@code outage.yml}; when empty, {@code outage.yml} in the first root directory is used if present
 * @param platform the platform of every Nix module, overriding {@code outage.yml}; {@link Platform#UNKNOWN} infers it
 * @param activateScript a built nix-darwin {@code activate} script to check snippets against
 * @param live whether to run the live probes declared in {@code outage.yml}
 */
public record AuditOptions(
        List<Path> roots, Optional<Path> config, Platform platform, Optional<Path> activateScript, boolean live) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if there is no root
     */
    public AuditOptions {
        roots = List.copyOf(roots);
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(activateScript, "activateScript");
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one root to audit is needed");
        }
    }

    /** Returns options that audit {@code roots} with every default. */
    public static AuditOptions of(Path... roots) {
        return new AuditOptions(List.of(roots), Optional.empty(), Platform.UNKNOWN, Optional.empty(), false);
    }
}
