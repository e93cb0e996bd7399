package dev.outage.nix.module;

import java.util.Locale;

/** The module system a Nix module is evaluated by. */
public enum Platform {
    /** nix-darwin: {@code darwinConfigurations}, {@code darwinSystem}. */
    DARWIN("darwin"),
    /** NixOS: {@code nixosConfigurations}, {@code nixosSystem}. */
    NIXOS("nixos"),
    /** home-manager: {@code homeConfigurations}, {@code home-manager.users.<name>}. */
    HOME_MANAGER("home-manager"),
    /** Not known: reached from nowhere and defines nothing platform-specific. */
    UNKNOWN("unknown");

    private final String id;

    Platform(String id) {
        this.id = id;
    }

    /** Returns the name users write: {@code darwin}, {@code nixos}, {@code home-manager} or {@code unknown}. */
    public String id() {
        return id;
    }

    /**
     * Returns the platform a user named; {@code auto} and {@code unknown} give {@link #UNKNOWN}.
     *
     * @throws IllegalArgumentException if the name is none of auto, darwin, nixos, home-manager
     */
    public static Platform parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("auto")) {
            return UNKNOWN;
        }
        for (Platform platform : values()) {
            if (platform.id.equals(wanted)) {
                return platform;
            }
        }
        throw new IllegalArgumentException(
                "unknown platform '" + name + "': expected auto, darwin, nixos or home-manager");
    }
}
