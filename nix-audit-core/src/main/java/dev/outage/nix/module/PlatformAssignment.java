package dev.outage.nix.module;

import java.util.Objects;

/**
 * The platform a module is used on and why.
 *
 * @param platform the platform; {@link Platform#UNKNOWN} when nothing tells
 * @param reason why, e.g. {@code imported by hosts/studio.nix, listed in darwinConfigurations.studio (flake.nix:20:11)}
 */
public record PlatformAssignment(Platform platform, String reason) {

    /** Validates the assignment. */
    public PlatformAssignment {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns the assignment of a module nothing tells about. */
    public static PlatformAssignment unknown() {
        return new PlatformAssignment(
                Platform.UNKNOWN, "not reached from any configuration and defines no platform-specific option");
    }
}
