package dev.outage.nix.rules;

import dev.outage.nix.module.DarwinRevision;
import dev.outage.nix.module.Platform;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link NixAudit}.
 *
 * @param platform the platform of every module, or {@link Platform#UNKNOWN} to infer it from the module graph
 * @param darwinRevision the nix-darwin revision from {@code flake.lock}, picking the phase list
 * @param activateScript a built activate script for {@code activation-snippet-not-embedded}, if given
 */
public record NixAuditOptions(
        Platform platform, DarwinRevision darwinRevision, Optional<ActivateScript> activateScript) {

    /** Validates the settings. */
    public NixAuditOptions {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(darwinRevision, "darwinRevision");
        Objects.requireNonNull(activateScript, "activateScript");
    }

    /** Returns the defaults: infer the platform, newest nix-darwin, no activate script. */
    public static NixAuditOptions defaults() {
        return new NixAuditOptions(Platform.UNKNOWN, DarwinRevision.unknown(), Optional.empty());
    }
}
